using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Broadsheet.Tests.Fixtures.LongRunningFirst", "Broadsheet.Tests")]

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Marks a test class that takes minutes (summed over its tests, on a loaded 2-core CI machine).
/// The tests of one class run one after another, so such a class that starts late ends the run
/// late; <see cref="LongRunningFirst"/> starts these before everything else. The figure only
/// orders them (longest first): it is never asserted.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Test collections (one per class) in the order xUnit starts them: classes marked
/// <see cref="LongRunningAttribute"/> first, longest first; the rest in xUnit's own order.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    private const string PerClass = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections)
            .Select((collection, index) => (collection, index, seconds: Seconds(collection)))
            .OrderByDescending(c => c.seconds)
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int Seconds(ITestCollection collection)
    {
        if (!collection.DisplayName.StartsWith(PerClass, StringComparison.Ordinal)) return 0;
        var type = typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[PerClass.Length..]);
        return type?.GetCustomAttributes(typeof(LongRunningAttribute), false).OfType<LongRunningAttribute>().FirstOrDefault()?.Seconds ?? 0;
    }
}
