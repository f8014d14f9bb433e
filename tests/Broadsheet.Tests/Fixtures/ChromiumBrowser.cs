using Microsoft.Playwright;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven by Playwright. Nothing is downloaded: Playwright's bundled
/// driver talks to /usr/bin/chromium, started with flags that keep it off the network.
/// One browser serves the whole test process: starting Playwright's Node driver and a Chromium
/// took about 5 CPU-s, paid by each of a dozen browser classes before. Each class still gets
/// contexts of its own (cookies, storage, cache), made through <see cref="NewContextAsync"/>,
/// and closes them when it ends, as closing its own browser did.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(LaunchAsync);

    private readonly List<IBrowserContext> contexts = [];

    public IBrowser Chromium { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("BROADSHEET_ARTIFACTS") is { Length: > 0 } root
                ? Path.Combine(root, "screenshots")
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync() => Chromium = (await Shared.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
        // The browser and its driver end with the test process, not with a class.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { chromium.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (Exception) { /* already gone */ }
            playwright.Dispose();
        };
        return (playwright, chromium);
    }

    /// <summary>A context of this class's own on the shared browser, closed when the class ends.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Chromium.NewContextAsync(options);
        lock (contexts) contexts.Add(context);
        return context;
    }

    public async Task DisposeAsync()
    {
        IBrowserContext[] mine;
        lock (contexts) mine = [.. contexts];
        foreach (var context in mine)
        {
            try { await context.CloseAsync(); }
            catch (PlaywrightException) { /* closed by its test already */ }
        }
    }

    /// <summary>A fresh page whose console errors (a CSP violation, a script error) are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(Uri baseAddress, int width = 1280)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return (page, errors);
    }

    /// <summary>
    /// The reader's first gesture on a reader's page (a mouse move), which brings htmx and site.js
    /// (wwwroot/js/boot.js), and the wait until they are in.
    /// </summary>
    public static async Task FirstGestureAsync(IPage page)
    {
        // Two moves: one of them changes the pointer's position, which is what fires pointermove.
        await page.Mouse.MoveAsync(1, 1);
        await page.Mouse.MoveAsync(2, 2);
        await page.Locator("html[data-enhanced]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>The reader scrolls down to a story's comments, which htmx then fetches into #thread.</summary>
    public static async Task ShowCommentsAsync(IPage page)
    {
        await FirstGestureAsync(page);
        await page.Locator("#comments").ScrollIntoViewIfNeededAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
