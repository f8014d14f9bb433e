namespace Broadsheet.Tests.Architecture;

/// <summary>
/// Tests mirror the source tree (issue 18): each top-level folder of src/Broadsheet has a test
/// folder of the same name with at least one test file, so a new feature folder cannot arrive
/// with its tests nowhere, or scattered in its neighbours' folders.
/// </summary>
public sealed class TestFolderTests
{
    /// <summary>Source folders that are not a feature or platform piece: build output and static files.</summary>
    private static readonly string[] NotCode = ["bin", "obj", "wwwroot", "Properties"];

    /// <summary>The top-level source folders without a test folder holding a .cs file.</summary>
    public static List<string> Untested(IEnumerable<string> sourceFolders, Func<string, bool> hasTests) =>
        [.. sourceFolders.Where(f => !NotCode.Contains(f)).Where(f => !hasTests(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_top_level_source_folder_has_a_test_folder_with_tests()
    {
        var root = RoleCheckTests.SourceRoot();
        var src = Path.Combine(root, "src", "Broadsheet");
        var tests = Path.Combine(root, "tests", "Broadsheet.Tests");
        var folders = Directory.GetDirectories(src).Select(Path.GetFileName).OfType<string>().ToList();
        folders.ShouldContain("Audit");
        folders.ShouldContain("Layout");

        Untested(folders, f => Directory.Exists(Path.Combine(tests, f))
            && Directory.EnumerateFiles(Path.Combine(tests, f), "*.cs", SearchOption.AllDirectories).Any()).ShouldBeEmpty();
    }

    [Fact]
    public void A_new_folder_without_tests_is_caught()
    {
        Untested(["Audit", "Newsletter", "wwwroot"], f => f == "Audit").ShouldBe(["Newsletter"]);
    }
}
