using Broadsheet.Votes;
using Broadsheet.Articles;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// A refused htmx action says why, beside the control the reader used, and changes nothing:
/// never a silent button, never an alert(), never the control swapped away.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RefusalJourneyTests(CommentsApp app, ChromiumBrowser browser) : IClassFixture<CommentsApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_new_accounts_downvote_says_it_is_too_soon_beside_the_buttons_and_counts_nothing()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(); // joined just now
        var (page, errors, dialogs) = await RefusalPages.SignedInAsync(browser, app.Address, user.Email!, $"/articles/{article.Slug}");

        await page.Locator(".counters button.vote-down").ClickAsync();
        var message = page.Locator(".counters [role=status]", new() { HasTextString = "New accounts can downvote after 24 hours." });
        await message.WaitForAsync();
        (await page.Locator(".counters button.vote-up").CountAsync()).ShouldBe(1);
        (await page.Locator(".counters .votes").InnerTextAsync()).ShouldBe("0 Votes: 0 Upvotes, 0 Downvotes (0 Points)");
        await ChromiumBrowser.ScreenshotAsync(page, "refusal-1-downvote-too-soon");

        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Upvotes + a.Downvotes).SingleAsync())).ShouldBe(0);
        dialogs.ShouldBeEmpty();
        errors.Where(e => !e.Contains("403")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reader_banned_with_the_story_open_is_told_why_at_the_form_keeps_the_text_and_posts_nothing()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync();
        var (page, errors, dialogs) = await RefusalPages.SignedInAsync(browser, app.Address, user.Email!, $"/articles/{article.Slug}");
        await ChromiumBrowser.ShowCommentsAsync(page);
        var form = page.Locator("#thread form.comment-form").First;
        await form.WaitForAsync();

        // Banned while the story is open: the form is on screen, the next post is refused.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.BannedUntil, DateTime.UtcNow.AddDays(3)).SetProperty(u => u.BanReason, "Repeated spam")));
        await page.Locator("#comment-body").FillAsync("Buy cheap ferry tickets here.");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#thread", new() { HasTextString = "Reason: Repeated spam" }).WaitForAsync();
        (await page.Locator("#thread :is([role=status], [role=alert])", new() { HasTextString = "cannot comment" }).CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#comment-body").InputValueAsync()).ShouldBe("Buy cheap ferry tickets here.");
        await ChromiumBrowser.ScreenshotAsync(page, "refusal-2-banned-comment");

        (await app.CommentsOnAsync(article.Id)).ShouldBeEmpty();
        (await app.CommentCountAsync(article.Id)).ShouldBe(0);
        dialogs.ShouldBeEmpty();
        errors.Where(e => !e.Contains("403")).ShouldBeEmpty();
    }
}

/// <summary>The app with one vote per reader per hour, so the second vote meets the limit.</summary>
public sealed class OneVoteApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("RateLimits:vote-user:Permits", "1"), new("RateLimits:vote-user:WindowSeconds", "3600")];
}

[Trait("Category", "Browser")]
public sealed class ThrottledVoteJourneyTests(OneVoteApp app, ChromiumBrowser browser) : IClassFixture<OneVoteApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_vote_over_the_limit_says_to_wait_beside_the_buttons_which_stay_and_the_first_vote_stands()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        var (page, errors, dialogs) = await RefusalPages.SignedInAsync(browser, app.Address, user.Email!, $"/articles/{article.Slug}");

        await page.Locator(".counters button.vote-up").ClickAsync();
        await page.Locator(".counters button.vote-up[aria-pressed=true]").WaitForAsync();
        await page.Locator(".counters button.vote-down").ClickAsync();
        await page.Locator(".counters [role=status]", new() { HasTextString = "You are voting very fast" }).WaitForAsync();
        (await page.Locator(".counters button.vote-up[aria-pressed=true]").CountAsync()).ShouldBe(1);
        (await page.Locator(".counters .votes").InnerTextAsync()).ShouldBe("1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
        await ChromiumBrowser.ScreenshotAsync(page, "refusal-3-vote-rate-limited");

        var votes = await app.WithDbAsync(db => db.ArticleVotes.AsNoTracking().Where(v => v.ArticleId == article.Id).Select(v => v.Value).ToListAsync());
        votes.ShouldBe([1]);
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => new { a.Upvotes, a.Downvotes }).SingleAsync()))
            .ShouldBe(new { Upvotes = 1, Downvotes = 0 });
        dialogs.ShouldBeEmpty();
        errors.Where(e => !e.Contains("429")).ShouldBeEmpty();
    }
}

internal static class RefusalPages
{
    /// <summary>A reader signed in through the sign-in page and on <paramref name="path"/>; console errors and any dialog are collected.</summary>
    public static async Task<(IPage Page, List<string> Errors, List<string> Dialogs)> SignedInAsync(ChromiumBrowser browser, Uri address, string email, string path)
    {
        var (page, errors) = await browser.OpenAsync(address);
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        await page.GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(TestReaders.Password);
        await page.Locator(".account-page button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        return (page, errors, dialogs);
    }
}
