using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Architecture;

/// <summary>
/// Roles are decided in one place, Data/Identity (the named policies), for what a page shows as
/// much as for what it lets through: a role check written in a page or handler is a second
/// definition of "who is an editor" that can drift from the gate. Everything else asks
/// IAuthorizationService with a policy. A source scan, because Razor views and string
/// comparisons leave no trace a type-level rule could see.
/// </summary>
public sealed partial class RoleCheckTests
{
    /// <summary>
    /// A read of the signed-in user's roles: IsInRole (not UserManager's IsInRoleAsync, which asks
    /// about a stored user), the old display helpers, RequireRole, the role claim itself, or a
    /// role name compared as a string literal.
    /// </summary>
    [GeneratedRegex("""\bIsInRole\((?!Async)|\b(IsEditor|IsStaff|IsAdmin|RequireRole)\(|ClaimTypes\.Role\b|[=!]=\s*"(reader|author|editor|admin)"|"(reader|author|editor|admin)"\s*[=!]=""", RegexOptions.IgnoreCase)]
    private static partial Regex RoleRead();

    /// <summary>Lines of the given sources (path relative to src/Broadsheet, text) that read a role outside Data/Identity.</summary>
    public static List<string> Offenders(IEnumerable<(string Path, string Text)> sources) =>
        [.. sources
            .Where(s => !s.Path.Replace('\\', '/').StartsWith("Data/Identity/", StringComparison.Ordinal))
            .SelectMany(s => s.Text.Split('\n').Select((line, i) => (s.Path, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && RoleRead().IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")];

    [Fact]
    public void No_code_outside_Data_Identity_reads_a_role_off_the_user_or_compares_role_names()
    {
        Offenders(AppSources()).ShouldBeEmpty("ask IAuthorizationService with a named policy from Data/Identity/Policies.cs");
    }

    [Theory]
    [InlineData("Newsroom/Planted.cs", "        if (User.IsInRole(Roles.Editor)) return Forbid();")]
    [InlineData("Layout/_Planted.cshtml", "@if (User.IsStaff()) { <a href=\"/newsroom\">Newsroom</a> }")]
    [InlineData("Front/Planted.cs", "    var editor = http.User.IsEditor();")]
    [InlineData("Comments/Planted.cs", "    var mod = user.FindAll(ClaimTypes.Role).Any(c => c.Value == \"editor\");")]
    [InlineData("Api/Planted.cs", "    if (\"admin\" == role) allowed = true;")]
    public void The_scan_fails_on_a_planted_role_check(string path, string line)
    {
        var planted = AppSources().Append((path, $"namespace Broadsheet;\n{line}\n"));
        Offenders(planted).ShouldContain(o => o.StartsWith(path + ":2:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_leaves_the_policies_and_stored_users_role_lookups_alone()
    {
        Offenders([("Data/Identity/Policies.cs", "if (EditorRoles.Any(user.IsInRole)) ok();"),
                   ("Import/Planted.cs", "if (!await users.IsInRoleAsync(user, role)) await users.AddToRoleAsync(user, role);")]).ShouldBeEmpty();
    }

    /// <summary>Every .cs and .cshtml under src/Broadsheet except build output, with its path relative to it.</summary>
    internal static IEnumerable<(string Path, string Text)> AppSources()
    {
        var app = Path.Combine(SourceRoot(), "src", "Broadsheet");
        return Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(app, f).Replace('\\', '/'))
            .Where(rel => !rel.StartsWith("obj/", StringComparison.Ordinal) && !rel.StartsWith("bin/", StringComparison.Ordinal))
            .Select(rel => (rel, File.ReadAllText(Path.Combine(app, rel))));
    }

    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Broadsheet.slnx was not found above the test assembly.");
    }
}
