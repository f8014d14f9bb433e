using Broadsheet.Articles;
using Broadsheet.Tests.Demo;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

[Trait("Category", "Browser")]
[LongRunning(45)]
public sealed class ReaderJourneyTests(DemoApp app, ChromiumBrowser browser) : IClassFixture<DemoApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_reader_goes_from_the_front_page_to_a_story_and_on_to_its_section()
    {
        var (page, errors) = await browser.OpenAsync(app.Address);

        await page.GotoAsync("/");
        await ChromiumBrowser.ScreenshotAsync(page, "1-home");
        var leadTitle = await page.Locator(".lead-title a").InnerTextAsync();

        await page.Locator(".lead-title a").ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(leadTitle);
        (await page.Locator(".votes").InnerTextAsync()).ShouldMatch(@"^\d+ Votes?: \d+ Upvotes?, \d+ Downvotes? \(-?\d+ Points?\)$");
        (await page.Locator(".views").InnerTextAsync()).ShouldMatch(@"^[\d,]+ Views?$");
        (await page.Locator(".story-header time").GetAttributeAsync("title")).ShouldNotBeNullOrEmpty();
        await ChromiumBrowser.ScreenshotAsync(page, "2-article");

        var category = await page.Locator(".story-header .kicker a").TextContentAsync();
        await page.Locator(".story-header .kicker a").ClickAsync();
        await page.WaitForURLAsync("**/category/**");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(category);
        (await page.Locator(".feed .card").CountAsync()).ShouldBeGreaterThan(0);
        await ChromiumBrowser.ScreenshotAsync(page, "3-category");

        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Load_more_appends_the_next_page_in_place()
    {
        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync("/latest");
        var before = await page.Locator(".feed .card").CountAsync();
        before.ShouldBe(20);

        await page.Locator(".load-more a").ClickAsync();
        await page.Locator(".feed .card").Nth(before).WaitForAsync();

        (await page.Locator(".feed .card").CountAsync()).ShouldBeGreaterThan(before);
        page.Url.ShouldEndWith("/latest");
        (await page.Locator(".load-more").CountAsync()).ShouldBeLessThanOrEqualTo(1);
        await ChromiumBrowser.ScreenshotAsync(page, "4-load-more");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reader_who_reloads_a_cached_story_soon_sees_the_new_counts()
    {
        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync("/latest");
        var href = await page.Locator(".feed .card-title a").Nth(3).GetAttributeAsync("href");
        await page.GotoAsync(href!);
        var slug = href!.Split('/')[^1];
        await app.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 4_321).SetProperty(a => a.Upvotes, 2).SetProperty(a => a.Downvotes, 1)));
        var changed = System.Diagnostics.Stopwatch.StartNew();

        // No script fetches the counts: the page itself, cached for a second, carries them.
        while (await page.Locator(".views").InnerTextAsync() != "4,321 Views" && changed.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        // The bound itself (no copy a second old) is checked over plain HTTP, from the Age header (Articles/LiveCountsTests).
        await Assertions.Expect(page.Locator(".views")).ToHaveTextAsync("4,321 Views");
        await Assertions.Expect(page.Locator(".votes")).ToHaveTextAsync("3 Votes: 2 Upvotes, 1 Downvote (1 Point)");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reader_searches_from_the_overlay_with_the_keyboard()
    {
        var word = TestNewsroom.Word();
        var story = await app.ArticleAsync(a => a.Title = $"Night ferry {word} returns to the estuary");
        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("/");
        var box = page.Locator("#search-dialog input[name=q]");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await box.PressSequentiallyAsync(word, new() { Delay = 30 });
        await page.Locator("#search-suggestions .suggestions a").First.WaitForAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "6-search-overlay");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/articles/{story.Slug}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(story.Title);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Esc_closes_the_search_overlay()
    {
        var (page, _) = await browser.OpenAsync(app.Address);
        await page.GotoAsync("/latest");
        await page.Locator(".site-header form.search button").ClickAsync();
        await Assertions.Expect(page.Locator("#search-dialog")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Locator("#search-dialog")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task On_a_phone_the_story_fits_the_screen()
    {
        var (page, errors) = await browser.OpenAsync(app.Address, width: 375);
        await page.GotoAsync("/");
        await page.Locator(".lead-title a").ClickAsync();
        await page.WaitForURLAsync("**/articles/**");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.ShouldBeFalse();
        await ChromiumBrowser.ScreenshotAsync(page, "5-article-phone");
        errors.ShouldBeEmpty();
    }
}
