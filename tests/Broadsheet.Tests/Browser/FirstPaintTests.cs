using Broadsheet.Tests.Demo;
using Broadsheet.Tests.Fixtures;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// What a phone fetches and runs before it can paint the demo's pages, on Lighthouse's mobile
/// device (412 × 823 CSS px at 1.75 device pixels per px): the things its performance score is
/// built from and that do not depend on how busy the machine is (issue 21).
/// </summary>
[Trait("Category", "Browser")]
public sealed class FirstPaintTests(DemoApp app, ChromiumBrowser browser) : IClassFixture<DemoApp>, IClassFixture<ChromiumBrowser>
{
    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 412, Height = 823 },
            DeviceScaleFactor = 1.75f,
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The front page's first story, its section and a search for its first word: bench/lighthouse.sh's pages.</summary>
    private async Task<string[]> LighthousePagesAsync()
    {
        var (_, home) = await app.GetPageAsync("/");
        var story = home.QuerySelectorAll("a[href^='/articles/']").Select(a => a.GetAttribute("href")!).First();
        var (_, page) = await app.GetPageAsync(story);
        var section = page.QuerySelector(".story-header .kicker a")!.GetAttribute("href")!;
        var word = story["/articles/".Length..].Split('-')[0];
        return ["/", story, section, $"/search?q={word}"];
    }

    [Fact]
    public async Task On_a_phone_a_feed_fetches_no_thumbnail_wider_than_its_box_needs()
    {
        var page = await PhoneAsync();
        var checkedPictures = 0;
        foreach (var path in (await LighthousePagesAsync())[2..])
        {
            await page.GotoAsync(path);
            // For each picture above the fold: the width it fetched, and the narrowest copy in its srcset that covers its box in device pixels.
            var pictures = await page.EvaluateAsync<Picture[]>("""
                () => Array.from(document.querySelectorAll('.feed img.card-image[loading=eager][srcset]')).map(img => {
                  const need = img.getBoundingClientRect().width * devicePixelRatio;
                  const copies = img.srcset.split(',').map(c => c.trim().split(/\s+/))
                    .map(([url, w]) => ({ url: new URL(url, location.href).href, width: parseInt(w) })).sort((a, b) => a.width - b.width);
                  const enough = (copies.find(c => c.width >= need) ?? copies[copies.length - 1]).width;
                  const chosen = copies.find(c => c.url === img.currentSrc);
                  return { Src: img.currentSrc, Need: Math.round(need), Fetched: chosen ? chosen.width : -1, Enough: enough };
                })
                """);
            foreach (var p in pictures)
            {
                p.Fetched.ShouldBeGreaterThan(0, $"{path}: {p.Src} is not in its srcset");
                p.Fetched.ShouldBeLessThanOrEqualTo(p.Enough, $"{path}: {p.Src} for a box of {p.Need} device px");
            }
            checkedPictures += pictures.Length;
        }
        checkedPictures.ShouldBeGreaterThan(0, "the demo's section and search pages show pictures above the fold");
    }

    [Fact]
    public async Task Every_webfont_a_page_uses_is_preloaded_from_its_head_and_no_other()
    {
        foreach (var path in await LighthousePagesAsync())
        {
            var page = await PhoneAsync();
            var fetched = new List<string>();
            page.Request += (_, r) => { if (r.ResourceType == "font") fetched.Add(new Uri(r.Url).AbsolutePath); };
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var preloaded = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('head link[rel=preload][as=font]')).map(l => new URL(l.href).pathname)");

            fetched.ShouldNotBeEmpty(path);
            // A font found only through the stylesheet is one more round trip before the text settles; a preloaded one nobody uses is bytes for nothing.
            fetched.Distinct().Order().ShouldBe(preloaded.Order(), $"{path}: fonts fetched vs preloaded");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_page_builds_its_relative_time_formatter_when_the_times_first_refresh_not_while_it_loads()
    {
        var page = await PhoneAsync();
        await page.Clock.InstallAsync();
        // Counts the formatters made: building one loads the browser's locale data, a long task before the first paint.
        await page.AddInitScriptAsync("""
            (() => {
              const Real = Intl.RelativeTimeFormat;
              window.formattersBuilt = 0;
              Intl.RelativeTimeFormat = function (...args) { window.formattersBuilt++; return new Real(...args); };
            })()
            """);
        await page.GotoAsync("/");
        var time = page.Locator(".card time[datetime]").First;
        await time.EvaluateAsync("t => { t.textContent = 'stale'; }");
        await ChromiumBrowser.FirstGestureAsync(page);

        (await page.EvaluateAsync<int>("window.formattersBuilt")).ShouldBe(0);

        await page.Clock.RunForAsync(61_000);
        (await page.EvaluateAsync<int>("window.formattersBuilt")).ShouldBe(1);
        (await time.TextContentAsync() ?? "").ShouldMatch(@"^(\d+ \w+ ago|just now)$");
    }

    [Fact]
    public async Task A_story_runs_no_htmx_or_site_script_until_the_readers_first_gesture_and_fetches_its_comments_when_they_scroll_into_view()
    {
        var story = (await LighthousePagesAsync())[1];
        var page = await PhoneAsync();
        var scripts = new List<string>();
        var threads = 0;
        page.Request += (_, r) =>
        {
            var path = new Uri(r.Url).AbsolutePath;
            if (r.ResourceType == "script") scripts.Add(path);
            if (path == story + "/comments") threads++;
        };
        await page.GotoAsync(story, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // Loaded and idle: only the loader ran, and the comments are still the link a reader without JavaScript follows.
        scripts.ShouldBe(["/js/boot.js"]);
        (await page.EvaluateAsync<bool>("() => 'htmx' in window")).ShouldBeFalse();
        (await page.Locator("#thread[data-hx-get] a[href$='/comments']").CountAsync()).ShouldBe(1);

        // The first gesture brings htmx, then site.js; the thread waits until the reader comes to it.
        await ChromiumBrowser.FirstGestureAsync(page);
        scripts.ShouldBe(["/js/boot.js", "/lib/htmx/htmx.min.js", "/js/site.js"]);
        threads.ShouldBe(0);
        await page.Locator("#comments").ScrollIntoViewIfNeededAsync();
        await page.Locator("#thread:not([data-hx-get])").WaitForAsync();
        threads.ShouldBe(1);
    }

    /// <summary>A class with setters: Playwright fills the result of a script through a parameterless constructor.</summary>
    public sealed class Picture
    {
        public string Src { get; set; } = "";
        public int Need { get; set; }
        public int Fetched { get; set; }
        public int Enough { get; set; }
    }
}
