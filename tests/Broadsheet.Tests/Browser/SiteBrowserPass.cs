using Broadsheet.Tests.Fixtures;
using Microsoft.Playwright;
using System.Text.Json;

namespace Broadsheet.Tests.Browser;

/// <summary>What the browser found on every readable page: axe at 1280 px, and overflow at each phone width.</summary>
public sealed record SiteBrowserFindings(
    IReadOnlyList<string> Axe, int AxeChecked,
    IReadOnlyDictionary<int, List<string>> Overflow, IReadOnlyDictionary<int, int> OverflowChecked);

/// <summary>
/// One visit per page per role serves axe and both phone widths: the page is loaded once at
/// 1280 px, axe runs, then the same document is narrowed to 390 and 360 px and measured. The
/// old way loaded every phone page twice more, and handed Chromium axe-core's 650 kB again on
/// every page (AddScriptTag: about half the axe test's time); an init script hands it over once
/// per context. Two roles run side by side, each in its own context, so the browser is not idle
/// while the app renders. Narrowing a loaded page is as strict as loading it narrow: media
/// queries apply the same, and pictures below the fold have loaded (the desktop screenshot
/// scrolled them in), so they count toward the width too.
/// </summary>
public static class SiteBrowserPass
{
    public static readonly int[] PhoneWidths = [390, 360];

    /// <summary>The roles whose pages must fit a phone (every role is checked by axe).</summary>
    public static bool OnPhone(string role) => role is "anonymous" or "reader" or "admin";

    public static async Task<SiteBrowserFindings> RunAsync(SiteChecksApp app, ChromiumBrowser browser)
    {
        var groups = (await app.PagesAsync()).Where(p => p.Readable).GroupBy(p => p.Role).ToList();
        // Two roles at a time: enough to keep Chromium busy while the app renders; more only queue on 2 cores.
        using var turns = new SemaphoreSlim(2);
        var results = await Task.WhenAll(groups.Select(async g =>
        {
            await turns.WaitAsync();
            try { return await RoleAsync(app, browser, g.Key, [.. g]); }
            finally { turns.Release(); }
        }));
        var overflow = PhoneWidths.ToDictionary(w => w, w => results.SelectMany(r => r.Overflow[w]).ToList());
        var overflowChecked = PhoneWidths.ToDictionary(w => w, w => results.Sum(r => r.OverflowChecked));
        return new([.. results.SelectMany(r => r.Axe)], results.Sum(r => r.AxeChecked), overflow, overflowChecked);
    }

    private sealed record RoleFindings(List<string> Axe, int AxeChecked, Dictionary<int, List<string>> Overflow, int OverflowChecked);

    private static async Task<RoleFindings> RoleAsync(SiteChecksApp app, ChromiumBrowser browser, string role, List<SitePage> pages)
    {
        var axe = new List<string>();
        var overflow = PhoneWidths.ToDictionary(w => w, _ => new List<string>());
        var phone = OnPhone(role);
        var page = await SitePages.OpenAsync(browser, app, role, 1280);
        await page.Context.AddInitScriptAsync(scriptPath: SiteTools.AxeScript);
        // A safety net, not a timing: Playwright's 30 s is too short for a first page on a machine running the whole suite.
        page.Context.SetDefaultTimeout(120_000);
        page.Context.SetDefaultNavigationTimeout(120_000);
        foreach (var site in pages)
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(site.Path);
            // Every rule axe has, every impact: "minor" counts as much as "critical" here.
            var violations = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
                ".map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)");
            axe.AddRange(violations.EnumerateArray().Select(v => $"{site.Role} {site.Path}: {v.GetString()}"));
            if (role is "anonymous" or "admin")
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SitePages.ScreensFolder, $"desktop-{site.Name}.png"), FullPage = true });
            if (!phone) continue;
            foreach (var width in PhoneWidths)
            {
                await page.SetViewportSizeAsync(width, 800);
                if (await page.EvaluateAsync<string?>(WidestOverflow) is { } wide) overflow[width].Add($"{site.Role} {site.Path} at {width}px: {wide}");
                if (width == 390)
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SitePages.ScreensFolder, $"phone-{site.Name}.png"), FullPage = true });
            }
        }
        await page.Context.CloseAsync();
        return new(axe, pages.Count, overflow, phone ? pages.Count : 0);
    }

    /// <summary>Null when the page fits; otherwise its width and the widest element, named, since it is the one to fix.</summary>
    private const string WidestOverflow =
        """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return null;
          const scroll = document.documentElement.scrollWidth;
          let widest = null, right = width;
          // Elements clipped inside a scrolling or hidden box reach further without widening the page: skipped.
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect().right;
            if (r > right && r <= scroll + 1) { right = r; widest = e; }
          }
          const name = widest ? widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
            + (widest.className && typeof widest.className === 'string' ? '.' + widest.className.trim().split(/\s+/).join('.') : '') : '?';
          return `${document.documentElement.scrollWidth}px wide; widest: ${name} (right edge ${Math.round(right)}px)`;
        }
        """;
}
