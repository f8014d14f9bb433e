using ArchUnitNET.Loader;

namespace Broadsheet.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md as checks over a <see cref="FolderGraph"/>: each returns
/// what breaks the rule, so the app's tests assert "nothing" and the self-tests assert "this".
/// </summary>
public static class ArchitectureRules
{
    /// <summary>Folders that are the platform: they serve features and know none of them.</summary>
    public static readonly string[] Platform = ["Data", "Shared", "Media", "Mail", "Caching", "RateLimits", "Audit"];

    /// <summary>The app's own folders as compiled, loaded once (a few seconds).</summary>
    public static readonly Lazy<FolderGraph> App = new(() =>
        FolderGraph.Of(new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build(), "Broadsheet"));

    /// <summary>Links that close a cycle and are not listed as known debt.</summary>
    public static SortedSet<string> NewCycleLinks(FolderGraph graph, IEnumerable<string> knownDebt) =>
        Except(graph.EdgesOnCycles(), knownDebt);

    /// <summary>Known debt that no longer closes a cycle: the list must shrink when the code does.</summary>
    public static SortedSet<string> StaleDebt(FolderGraph graph, IEnumerable<string> knownDebt) =>
        Except(knownDebt, graph.EdgesOnCycles());

    /// <summary>Dependencies of a platform folder on anything that is not platform, not listed as known debt.</summary>
    public static SortedSet<string> PlatformOnFeatures(FolderGraph graph, IEnumerable<string> platform, IEnumerable<string> knownDebt)
    {
        var set = platform.ToHashSet(StringComparer.Ordinal);
        return Except(graph.EdgesBetween(set, graph.Folders.Concat(graph.Folders.SelectMany(graph.DependenciesOf)).Distinct().Where(f => !set.Contains(f))), knownDebt);
    }

    /// <summary>Anything that depends on a folder only the entry point may use.</summary>
    public static SortedSet<string> DependentsOf(FolderGraph graph, string folder, params string[] allowed) =>
        graph.EdgesBetween(graph.Folders.Where(f => f != folder && !allowed.Contains(f)), [folder]);

    private static SortedSet<string> Except(IEnumerable<string> items, IEnumerable<string> minus)
    {
        var result = new SortedSet<string>(items, StringComparer.Ordinal);
        result.ExceptWith(minus);
        return result;
    }
}
