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

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
