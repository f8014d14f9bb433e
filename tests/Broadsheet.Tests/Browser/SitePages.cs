using AccountRoles = Broadsheet.Data.Identity.Roles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// The demo newsroom plus one account per role, shared by every site-wide check (validators,
/// axe, phones) so the suite seeds and signs in once, not once per check.
/// </summary>
public sealed class SiteChecksApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true")];

    /// <summary>The demo is written after the server listens (DemoSeeding); the checks need it whole.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<Broadsheet.Demo.DemoSeeding>().Completion;
    }

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<SitePage>? pages;

    /// <summary>Every page of the site, fetched once for each role, on first use.</summary>
    public async Task<IReadOnlyList<SitePage>> PagesAsync()
    {
        await gate.WaitAsync();
        try { return pages ??= await SitePages.FetchAsync(this); }
        finally { gate.Release(); }
    }

    private readonly Lock passGate = new();
    private Task<SiteBrowserFindings>? browserPass;

    /// <summary>axe and the phone widths over every page, run once (on first use) for the tests that assert them.</summary>
    public Task<SiteBrowserFindings> BrowserPassAsync(ChromiumBrowser browser)
    {
        lock (passGate) return browserPass ??= SiteBrowserPass.RunAsync(this, browser);
    }

    /// <summary>The role's cookies, for a browser that should be signed in as it.</summary>
    public Dictionary<string, Dictionary<string, string>> Cookies { get; } = [];
}

/// <summary>One page as one role saw it: a full HTML document the server answered with <paramref name="Status"/>.</summary>
public sealed record SitePage(string Role, string Route, string Path, int Status, string Html)
{
    /// <summary>A page a person reads: a 200, or the error page itself (shown for its own status).</summary>
    public bool Readable => Status == 200 || Route.StartsWith("error/", StringComparison.Ordinal);

    /// <summary>A file name for the page: role and path, nothing a file system minds.</summary>
    public string Name => $"{Role}{Regex.Replace(Path, "[^A-Za-z0-9]+", "-").TrimEnd('-')}";
}

/// <summary>
/// The site's pages, read from the app's own route table (every Razor page), so a page added
/// tomorrow is checked without anyone listing it here. A page that gives none of the roles a 200
/// must be named in <see cref="NotPages"/> with the reason, or the checks fail: otherwise a new
/// page whose route values the crawl cannot fill would slip through as a 404.
/// </summary>
public static class SitePages
{
    public static readonly string[] Roles = ["anonymous", AccountRoles.Reader, AccountRoles.Author, AccountRoles.Editor, AccountRoles.Admin];

    /// <summary>Routes that are not pages a person opens, each with why.</summary>
    public static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        ["follow"] = "a form's target (POST); GET answers 404",
        ["comments/{id:long}/vote"] = "a form's target (POST); GET answers 404",
        ["comments/{id:long}/delete"] = "a form's target (POST); GET answers 404",
        ["newsroom/media/{id:int}/delete"] = "a form's target (POST)",
        ["comments/{id:long}"] = "a permalink: redirects to the comment's anchor in its story",
        ["setup"] = "only until the first admin exists; the demo has one",
        ["pages/{pageSlug}/comments"] = "the same Razor page as articles/{slug}/comments (checked there), on a static page's companion; the crawl's page takes no comments, so it answers 404",
        ["account/link"] = "needs a one-time sign-in token from an email",
        ["account/deleted"] = "shown once, after an account is deleted",
        ["error/{code:int?}"] = "answers with the status it describes (404 here); still checked, as every error page is",
    };

    public static async Task<IReadOnlyList<SitePage>> FetchAsync(SiteChecksApp app)
    {
        var world = await CrawlWorld.MakeAsync(app);
        var sessions = new Dictionary<string, ReaderSession> { ["anonymous"] = app.Reader() };
        // The reader is the one who wrote the world's comment, so its edit and report pages open.
        var readerEmail = await app.WithDbAsync(db => db.Users.Where(u => u.Id == world.ReaderId).Select(u => u.Email!).SingleAsync());
        sessions[AccountRoles.Reader] = await SignedInAsync(app, readerEmail);
        foreach (var role in new[] { AccountRoles.Author, AccountRoles.Editor, AccountRoles.Admin })
            sessions[role] = await SignedInAsync(app, (await app.UserAsync(role: role, name: $"Site {role}")).Email!);
        foreach (var (role, session) in sessions) app.Cookies[role] = new(session.Cookies);

        var routes = Routes(app);
        var found = new List<SitePage>();
        foreach (var role in Roles)
            foreach (var route in routes)
            {
                var path = Fill(route, world);
                using var response = await sessions[role].Http.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                if (html.TrimStart().StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
                    found.Add(new(role, route, path, (int)response.StatusCode, html));
            }
        foreach (var session in sessions.Values) session.Dispose();

        var unlisted = routes.Where(r => !NotPages.ContainsKey(r) && !found.Any(p => p.Route == r && p.Status == 200)).ToList();
        unlisted.ShouldBeEmpty("These pages answered no role with 200: give CrawlWorld real values for them, or list them in SitePages.NotPages with why");
        return found;
    }

    private static async Task<ReaderSession> SignedInAsync(BroadsheetApp app, string email)
    {
        var session = app.Reader();
        var (response, _) = await session.SignInAsync(email);
        ((int)response.StatusCode).ShouldBe(302, $"signing in as {email}");
        return session;
    }

    /// <summary>Every Razor page's route template, from the data source routing itself matches against.</summary>
    private static List<string> Routes(BroadsheetApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static string Fill(string route, CrawlWorld world) =>
        "/" + Regex.Replace(route, @"\{(\w+)[^}]*\}", m => world.ValueFor(route, m.Groups[1].Value));

    /// <summary>A browser page signed in as <paramref name="role"/> (its cookies copied from the session that signed in).</summary>
    public static async Task<IPage> OpenAsync(ChromiumBrowser browser, SiteChecksApp app, string role, int width, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // axe is added as an inline script, which the site's CSP (rightly) refuses.
            BypassCSP = true,
        });
        await context.AddCookiesAsync(app.Cookies[role].Select(c => new Cookie
        {
            Name = c.Key, Value = c.Value, Domain = app.Address.Host, Path = "/", Secure = true, HttpOnly = true,
        }));
        return await context.NewPageAsync();
    }

    /// <summary>$BROADSHEET_ARTIFACTS/screens (artifacts/ beside the tests otherwise): a picture of every page.</summary>
    public static string ScreensFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("BROADSHEET_ARTIFACTS") is { Length: > 0 } r ? r : Path.Combine(AppContext.BaseDirectory, "artifacts");
            var folder = Path.Combine(root, "screens");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
