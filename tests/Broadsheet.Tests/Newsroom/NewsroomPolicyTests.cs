using Broadsheet.Accounts;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Roles under /newsroom are declared, not checked in handler code: a check in each handler
/// misses the handler nobody wrote (Razor Pages renders the page for an unknown ?handler=), so
/// every newsroom page must carry one of the role policies, and a reader must meet 403 even there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NewsroomPolicyTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly string[] RolePolicies = [Policies.Staff, Policies.Editors, Policies.Admins];

    /// <summary>Every Razor Page under /newsroom, by its route (parameters filled with 1) and its declared policies.</summary>
    private List<(string Path, List<string?> Policies)> NewsroomPages() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null
                && (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("newsroom", StringComparison.Ordinal))
            .Select(e => ("/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", "1"),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList()))
            .DistinctBy(p => p.Item1)];

    [Fact]
    public void Every_newsroom_page_declares_a_role_policy_on_the_page()
    {
        var pages = NewsroomPages();
        pages.Select(p => p.Path).ShouldContain("/newsroom/comments");
        pages.Select(p => p.Path).ShouldContain("/newsroom/api-keys");
        pages.Where(p => !p.Policies.Any(RolePolicies.Contains)).Select(p => p.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Deleting_a_picture_is_a_page_of_its_own_that_only_editors_may_use()
    {
        var delete = NewsroomPages().Where(p => p.Path == "/newsroom/media/1/delete").ShouldHaveSingleItem();
        delete.Policies.ShouldBe([Policies.Editors]);
    }

    /// <summary>
    /// A source check over the whole app, line by line: a line that answers 403 must not decide it
    /// from a role (a role check, or a member that is only one, such as <c>CanDelete => User.IsEditor()</c>),
    /// not even beside an owner check: "the author or an editor" is the owner-or-editor policy.
    /// </summary>
    [Fact]
    public void No_handler_answers_403_from_a_role_check_in_code()
    {
        var roleCheck = new System.Text.RegularExpressions.Regex(@"\b(IsEditor|IsStaff|IsAdmin|IsInRole)\(");
        var offenders = new List<string>();
        foreach (var file in AppSources("*.cs"))
        {
            var lines = File.ReadAllLines(file);
            var roleMembers = lines
                .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\b(\w+)\s*=>\s*[^;]*\b(IsEditor|IsStaff|IsAdmin|IsInRole)\("))
                .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (!line.Contains("Forbid(") && !line.Contains("403")) continue;
                if (roleCheck.IsMatch(line) || roleMembers.Any(m => System.Text.RegularExpressions.Regex.IsMatch(line, $@"\b{m}\b")))
                    offenders.Add($"{file}:{i + 1}: {line.Trim()}");
            }
        }
        offenders.ShouldBeEmpty();
    }

    /// <summary>
    /// The role sets are written once: only Data/Identity/Policies.cs reads a role off the signed-in
    /// user (<c>IsInRole</c>); pages, partials and handlers name a policy or its helpers.
    /// </summary>
    [Fact]
    public void Only_the_policies_read_a_role_off_the_signed_in_user()
    {
        var isInRole = new System.Text.RegularExpressions.Regex(@"\bIsInRole\b(?!Async)");
        var policies = Path.Combine("Data", "Identity", "Policies.cs");
        AppSources("*.cs").Concat(AppSources("*.cshtml"))
            .Where(f => !f.EndsWith(policies, StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((l, i) => (f, i, l)))
            .Where(x => isInRole.IsMatch(x.l))
            .Select(x => $"{x.f}:{x.i + 1}: {x.l.Trim()}")
            .ShouldBeEmpty();
    }

    private static IEnumerable<string> AppSources(string pattern)
    {
        var app = Path.Combine(SourceRoot(), "src", "Broadsheet");
        return Directory.GetFiles(app, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(app, f).StartsWith("obj", StringComparison.Ordinal) && !Path.GetRelativePath(app, f).StartsWith("bin", StringComparison.Ordinal));
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Broadsheet.slnx was not found above the test assembly.");
    }

    [Fact]
    public async Task A_reader_gets_403_from_every_newsroom_page_even_for_a_handler_it_does_not_have()
    {
        var (reader, _) = await app.SignedInReaderAsync(Roles.Reader);
        using var _r = reader;
        var (_, account) = await reader.GetPageAsync("/account");
        var token = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (path, _) in NewsroomPages())
        {
            (await reader.GetPageAsync($"{path}?handler=Nope")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"GET {path}?handler=Nope");
            var (posted, _) = await reader.PostAsync($"{path}?handler=Nope", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"POST {path}?handler=Nope");
        }
    }
}
