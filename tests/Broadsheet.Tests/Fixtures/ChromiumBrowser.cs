using Microsoft.Playwright;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven by Playwright. Nothing is downloaded: Playwright's bundled
/// driver talks to /usr/bin/chromium, started with flags that keep it off the network.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
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

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium package.");
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh page whose console errors (a CSP violation, a script error) are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(Uri baseAddress, int width = 1280)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
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
