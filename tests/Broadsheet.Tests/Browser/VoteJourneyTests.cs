using Broadsheet.Votes;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Browser;

/// <summary>A reader votes from a story: sign in from the vote button, then switch and withdraw in place.</summary>
[Trait("Category", "Browser")]
public sealed class VoteJourneyTests(BroadsheetApp app, ChromiumBrowser browser) : IClassFixture<BroadsheetApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_reader_upvotes_from_signed_out_then_switches_and_withdraws_in_place()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync($"/articles/{article.Slug}");
        var votes = page.Locator(".counters .votes");

        // Signed out: the button opens the sign-in dialog; signing in casts the vote.
        await page.Locator(".counters a.vote-up").ClickAsync();
        var dialog = page.Locator("#account-dialog");
        await dialog.Locator("input[name='Input.Email']").FillAsync(user.Email!);
        await dialog.Locator("input[name='Input.Password']").FillAsync(TestReaders.Password);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await page.Locator(".counters button.vote-up[aria-pressed=true]").WaitForAsync();
        (await votes.InnerTextAsync()).ShouldBe("1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
        page.Url.ShouldEndWith($"/articles/{article.Slug}");

        // Switch: the vote moves from one count to the other, without a reload.
        await page.EvaluateAsync("() => window.__marker = 1");
        await page.Locator(".counters button.vote-down").ClickAsync();
        await page.Locator(".counters button.vote-down[aria-pressed=true]").WaitForAsync();
        (await votes.InnerTextAsync()).ShouldBe("1 Vote: 0 Upvotes, 1 Downvote (-1 Points)");
        (await page.EvaluateAsync<int>("() => window.__marker")).ShouldBe(1);
        await ChromiumBrowser.ScreenshotAsync(page, "votes-1-downvoted");

        // Withdraw: press the held vote again.
        await page.Locator(".counters button.vote-down").ClickAsync();
        await page.Locator(".counters button.vote-down[aria-pressed=false]").WaitForAsync();
        (await votes.InnerTextAsync()).ShouldBe("0 Votes: 0 Upvotes, 0 Downvotes (0 Points)");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
        errors.ShouldBeEmpty();
    }
}
