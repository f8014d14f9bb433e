using Broadsheet.Comments;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>A reader joins the conversation under a story: comment, reply inline, vote, sort, report, and a script that never runs.</summary>
[Trait("Category", "Browser")]
public sealed class CommentJourneyTests(CommentsApp app, ChromiumBrowser browser) : IClassFixture<CommentsApp>, IClassFixture<ChromiumBrowser>
{
    private const string Payload =
        "<script>alert('script')</script> <img src=x onerror=alert('img')> [one](javascript:alert('js')) " +
        "[two](jav&#x61;script:alert('encoded')) [three](JaVaScRiPt:alert('case')) [four](data:text/html,<script>alert('data')</script>)";

    [Fact]
    public async Task A_reader_comments_replies_inline_votes_sorts_and_reports_and_a_script_payload_stays_text()
    {
        var article = await app.ArticleAsync();
        var neighbour = await app.UserAsync(name: "Morwenna Tregear");
        var earlier = await app.SeedCommentAsync(article.Id, neighbour.Id, "The old timetable was *better*.", createdAt: DateTime.UtcNow.AddMinutes(-30));
        var user = await app.UserAsync(name: "Kit Polglase");
        await app.AgeAccountAsync(user.Id, days: 30); // the payload has more links than a new account may post

        var (page, errors) = await browser.OpenAsync(app.Address);
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };

        // Signed out, the thread loads under the story with a way in, once the reader scrolls to it.
        await page.GotoAsync($"/articles/{article.Slug}");
        (await page.Locator("#thread .thread-gate").CountAsync()).ShouldBe(0, "the thread waits until the reader comes to it");
        await ChromiumBrowser.ShowCommentsAsync(page);
        await page.Locator("#thread .thread-gate a").WaitForAsync();
        (await page.Locator("#comments h2").InnerTextAsync()).ShouldBe("Leave a reply");
        await page.GotoAsync($"/account/sign-in?returnUrl=%2Farticles%2F{article.Slug}%23comments");
        await page.Locator("input[name='Input.Email']").FillAsync(user.Email!);
        await page.Locator("input[name='Input.Password']").FillAsync(TestReaders.Password);
        await page.Locator(".account-page button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/articles/{article.Slug}#comments");
        var form = page.Locator("#thread form.comment-form").First;
        await form.WaitForAsync();

        // Post: the comment appears in place, without a reload.
        await page.EvaluateAsync("() => window.stayedOnPage = true");
        await page.Locator("#comment-body").FillAsync("A **fair** point about the ferries.");
        await page.Locator("#thread form.comment-form button[type=submit]").ClickAsync();
        var mine = page.Locator("#comment-list > li.comment", new() { HasTextString = "fair point" }).First;
        await mine.WaitForAsync();
        (await mine.Locator(".comment-body strong").InnerTextAsync()).ShouldBe("fair");
        (await page.EvaluateAsync<bool>("() => window.stayedOnPage === true")).ShouldBeTrue();
        (await page.Locator("#comment-body").InputValueAsync()).ShouldBe("");
        await ChromiumBrowser.ScreenshotAsync(page, "comments-1-posted");

        // Reply inline under the neighbour's comment.
        var theirs = page.Locator($"#comment-{earlier.Id}");
        await theirs.Locator("a.comment-action", new() { HasTextString = "Reply" }).ClickAsync();
        var replyBox = page.Locator($"#slot-{earlier.Id} textarea");
        await replyBox.WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe($"reply-body-{earlier.Id}");
        await replyBox.FillAsync("It was, on Sundays at least.");
        await page.Locator($"#slot-{earlier.Id} button[type=submit]").ClickAsync();
        var reply = page.Locator($"#slot-{earlier.Id} ol.replies li.comment");
        await reply.WaitForAsync();
        (await reply.Locator(".comment-body").InnerTextAsync()).ShouldBe("It was, on Sundays at least.");
        (await page.EvaluateAsync<bool>("() => window.stayedOnPage === true")).ShouldBeTrue();
        await ChromiumBrowser.ScreenshotAsync(page, "comments-2-replied");

        // Vote on the neighbour's comment, in place.
        await theirs.Locator(".comment-self .vote-up").First.ClickAsync();
        await page.Locator($"#votes-{earlier.Id} .vote-up[aria-pressed=true]").WaitForAsync();
        (await page.Locator($"#votes-{earlier.Id} .points").InnerTextAsync()).ShouldBe("1 point");

        // A script payload posted as a comment stays text: nothing runs, the links go nowhere.
        await page.Locator("#comment-body").FillAsync(Payload);
        await page.Locator("#thread form.comment-form button[type=submit]").ClickAsync();
        var hostile = page.Locator("#comment-list > li.comment", new() { HasTextString = "alert('script')" }).First;
        await hostile.WaitForAsync();
        foreach (var link in await hostile.Locator(".comment-body a").AllAsync()) await link.ClickAsync();
        (await hostile.Locator(".comment-body a[href]").CountAsync()).ShouldBe(0);
        (await hostile.Locator(".comment-body img, .comment-body script").CountAsync()).ShouldBe(0);
        await page.ReloadAsync();
        await page.Locator("#comment-list > li.comment").First.WaitForAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "comments-3-payload");

        // Sort: newest puts the payload first, oldest the neighbour's comment.
        await page.Locator(".thread-sort a", new() { HasTextString = "Newest" }).ClickAsync();
        await page.Locator(".thread-sort a[aria-current=true]", new() { HasTextString = "Newest" }).WaitForAsync();
        (await page.Locator("#comment-list > li.comment").First.InnerTextAsync()).ShouldContain("alert('script')");
        await page.Locator(".thread-sort a", new() { HasTextString = "Oldest" }).ClickAsync();
        await page.Locator(".thread-sort a[aria-current=true]", new() { HasTextString = "Oldest" }).WaitForAsync();
        (await page.Locator("#comment-list > li.comment").First.GetAttributeAsync("id")).ShouldBe($"comment-{earlier.Id}");
        page.Url.ShouldEndWith($"/articles/{article.Slug}#comments");

        // Report the neighbour's comment, inline.
        var earlierSelf = page.Locator($"#comment-{earlier.Id} > .comment-self");
        await earlierSelf.Locator("a.comment-action", new() { HasTextString = "Report" }).ClickAsync();
        var reason = page.Locator($"#slot-{earlier.Id} textarea[name=reason]");
        await reason.WaitForAsync();
        await reason.FillAsync("Off topic, and rude about Sundays.");
        await page.Locator($"#slot-{earlier.Id} button[type=submit]").ClickAsync();
        await page.Locator($"#slot-{earlier.Id} .form-notice").WaitForAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "comments-4-reported");

        var report = await app.WithDbAsync(db => db.CommentReports.AsNoTracking().SingleAsync(r => r.CommentId == earlier.Id));
        report.UserId.ShouldBe(user.Id);
        report.Reason.ShouldBe("Off topic, and rude about Sundays.");
        (await app.CommentsOnAsync(article.Id)).Count.ShouldBe(4);
        (await app.CommentCountAsync(article.Id)).ShouldBe(4);
        dialogs.ShouldBeEmpty();
        errors.ShouldBeEmpty();
    }
}
