using Broadsheet.Tests.Fixtures;
using Microsoft.Playwright;
using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Text.Json;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// Every page, for every role, through the validators a reader's browser would not run for us:
/// the Nu HTML Checker (one JVM over the whole batch), axe-core in Chromium, and a phone's width.
/// The pages come from the route table (<see cref="SitePages"/>), so a new page is checked too.
/// </summary>
[Trait("Category", "Browser")]
[LongRunning(400)]
public sealed class SiteChecksTests(SiteChecksApp app, ChromiumBrowser browser) : IClassFixture<SiteChecksApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Every_page_for_every_role_has_no_Nu_HTML_Checker_errors()
    {
        var pages = await app.PagesAsync();
        var folder = Directory.CreateTempSubdirectory("broadsheet-vnu-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var page in pages)
            {
                var file = Path.Combine(folder, page.Name + ".html");
                await File.WriteAllTextAsync(file, page.Html);
                files.Add(file);
            }
            var (_, output) = await SiteTools.RunAsync("java", ["-jar", SiteTools.VnuJar, "--errors-only", "--format", "json", .. files]);
            var start = output.IndexOf("{\"", StringComparison.Ordinal);
            start.ShouldBeGreaterThanOrEqualTo(0, $"vnu gave no JSON report:\n{output}");
            using var report = JsonDocument.Parse(output[start..]);
            var errors = report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{Path.GetFileNameWithoutExtension(m.TryGetProperty("url", out var u) ? u.GetString() : "?")}:"
                    + $"{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                    + (m.TryGetProperty("extract", out var x) ? $"  «{x.GetString()}»" : ""))
                .ToList();
            errors.ShouldBeEmpty($"{errors.Count} Nu HTML Checker errors over {pages.Count} pages:\n{string.Join("\n", errors)}");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Every_page_for_every_role_has_no_axe_violations_at_desktop_size()
    {
        var readable = (await app.PagesAsync()).Count(p => p.Readable);
        var pass = await app.BrowserPassAsync(browser);

        pass.AxeChecked.ShouldBe(readable, "axe must have run on every readable page of every role");
        pass.Axe.ShouldBeEmpty($"{pass.Axe.Count} axe violations:\n{string.Join("\n", pass.Axe)}");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    public async Task No_page_is_wider_than_a_phone_for_anonymous_reader_or_admin(int width)
    {
        var readable = (await app.PagesAsync()).Count(p => p.Readable && SiteBrowserPass.OnPhone(p.Role));
        var pass = await app.BrowserPassAsync(browser);

        pass.OverflowChecked[width].ShouldBe(readable, $"every readable page of anonymous, reader and admin must have been measured at {width}px");
        var failures = pass.Overflow[width];
        failures.ShouldBeEmpty($"{failures.Count} pages overflow a {width}px screen:\n{string.Join("\n", failures)}");
    }
}

/// <summary>
/// Lighthouse's audits (not its timings) on the four pages readers arrive at: home, a story with a
/// picture, a section and a search. One Chromium of Lighthouse's own runs them one after another.
/// Performance is left to bench/lighthouse.sh: a score made of timings is never asserted here.
/// A class of its own, over a demo app of its own, so it runs beside the other site checks rather
/// than after them (tests of one class run one after another).
/// </summary>
[Trait("Category", "Browser")]
[LongRunning(75)]
public sealed class LighthouseTests(SiteChecksApp app) : IClassFixture<SiteChecksApp>
{
    [Fact]
    public async Task Lighthouse_gives_home_article_section_and_search_100_for_accessibility_best_practices_and_SEO()
    {
        var (story, section) = await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.ImagePath != null)
                .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Slug, Section = a.Category.Slug }).FirstAsync();
            return (a.Slug, a.Section);
        });
        string[] paths = ["/", $"/articles/{story}", $"/category/{section}", $"/search?q={Uri.EscapeDataString(story.Split('-')[0])}"];

        var (code, output) = await SiteTools.RunAsync("node", [SiteTools.LighthouseScript, app.Address.ToString(), "accessibility,best-practices,seo", .. paths], SiteTools.Folder,
            // A safety net, not a timing: four pages take about a minute, but a machine shared by a full build is far slower.
            TimeSpan.FromMinutes(20));

        var start = output.IndexOf("[\n", StringComparison.Ordinal);
        (code, start >= 0).ShouldBe((0, true), $"Lighthouse did not finish:\n{output}");
        using var report = JsonDocument.Parse(output[start..]);
        var failures = new List<string>();
        foreach (var page in report.RootElement.EnumerateArray())
        {
            var path = page.GetProperty("path").GetString()!;
            // Search results are kept out of search engines on purpose (robots.txt: Disallow /search), so
            // SEO's is-crawlable fails there by design; the goal is 100 SEO on indexable pages.
            var indexable = !path.StartsWith("/search", StringComparison.Ordinal);
            var failing = page.GetProperty("failing").EnumerateArray().Select(f => f.GetString()!)
                .Where(f => indexable || !f.StartsWith("seo/is-crawlable:", StringComparison.Ordinal)).ToList();
            foreach (var score in page.GetProperty("scores").EnumerateObject())
                if (score.Value.ValueKind != JsonValueKind.Number || score.Value.GetInt32() != 100)
                    if (indexable || score.Name != "seo" || failing.Any(f => f.StartsWith("seo/", StringComparison.Ordinal)))
                        failures.Add($"{path} {score.Name}: {score.Value}");
            failures.AddRange(failing.Select(f => $"{path}   {f}"));
            failures.AddRange(page.GetProperty("errors").EnumerateArray().Select(e => $"{path}   error: {e.GetString()}"));
        }
        report.RootElement.GetArrayLength().ShouldBe(paths.Length);
        failures.ShouldBeEmpty($"Lighthouse below 100:\n{string.Join("\n", failures)}");
    }
}

/// <summary>The validators, installed by npm from tests/site-checks (test.sh runs npm ci; so does the first use here if it has not).</summary>
internal static class SiteTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root (Broadsheet.slnx) is not above the tests."), "tests", "site-checks");
        }
    }

    public static string VnuJar => Path.Combine(Installed.Value.GetAwaiter().GetResult(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>tests/site-checks/lighthouse.mjs: Lighthouse's Node API over several pages with one Chromium.</summary>
    public static string LighthouseScript => Path.Combine(Installed.Value.GetAwaiter().GetResult(), "lighthouse.mjs");

    public static string AxeScript => Path.Combine(Installed.Value.GetAwaiter().GetResult(), "node_modules", "axe-core", "axe.min.js");

    private static async Task<string> InstallAsync()
    {
        var folder = Folder;
        if (File.Exists(Path.Combine(folder, "node_modules", "axe-core", "axe.min.js"))
            && File.Exists(Path.Combine(folder, "node_modules", "lighthouse", "package.json"))) return folder;
        // --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; Debian's is used instead.
        var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], folder);
        code.ShouldBe(0, $"npm ci in {folder} failed:\n{output}");
        return folder;
    }

    public static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> arguments, string? folder = null, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (folder is not null) start.WorkingDirectory = folder;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await stdout + await stderr);
    }
}
