using Broadsheet.Tests.Fixtures;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Sharing;

[Trait("Category", "Browser")]
public sealed class ShareJourneyTests(BroadsheetApp app, ChromiumBrowser browser) : IClassFixture<BroadsheetApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Copy_link_puts_the_storys_canonical_link_on_the_clipboard_and_says_so()
    {
        var article = await app.ArticleAsync();
        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.Address.GetLeftPart(UriPartial.Authority) });
        await page.GotoAsync($"/articles/{article.Slug}");
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        (await page.Locator(".share-copy-button").IsVisibleAsync()).ShouldBeFalse("without site.js there is nothing to press");
        await ChromiumBrowser.FirstGestureAsync(page);

        await page.Locator(".share-copy-button").ClickAsync();

        await Assertions.Expect(page.Locator(".share-status")).ToHaveTextAsync("Link copied");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(canonical);
        canonical.ShouldBe(new Uri(app.Address, $"/articles/{article.Slug}").ToString());
        // "Share…" shows only where the browser has a share sheet.
        var canShare = await page.EvaluateAsync<bool>("() => typeof navigator.share === 'function'");
        (await page.Locator(".share-native").IsVisibleAsync()).ShouldBe(canShare);
        await ChromiumBrowser.ScreenshotAsync(page, "sharing-1-copied");
        errors.ShouldBeEmpty();
    }
}
