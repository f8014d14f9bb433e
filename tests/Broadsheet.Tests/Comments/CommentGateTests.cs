using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

/// <summary>Tight comment limits (5 per address, 3 per account) and threads that close after 30 days.</summary>
public sealed class StrictCommentsApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        .. base.Settings,
        new($"RateLimits:{CommentPosting.IpPolicy}:Permits", "5"),
        new($"RateLimits:{CommentPosting.UserPolicy}:Permits", "3"),
        new("Comments:CloseAfterDays", "30"),
    ];
}

/// <summary>Who may post where, and what keeps spam out: limits, honeypot, duplicates, links, closed threads, bans.</summary>
[Trait("Category", "Integration")]
public sealed class CommentGateTests(StrictCommentsApp app) : IClassFixture<StrictCommentsApp>
{
    private static int nextClient;

    /// <summary>A client address of the test's own, forwarded the way a trusted proxy (loopback) sends it.</summary>
    private static string Client() => $"198.51.100.{Interlocked.Increment(ref nextClient)}";

    private async Task<(ReaderSession Reader, Broadsheet.Data.Identity.User User)> ReaderFromAsync(string ip)
    {
        var (reader, user) = await app.SignedInReaderAsync();
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return (reader, user);
    }

    [Fact]
    public async Task One_account_gets_429_with_retry_after_on_its_fourth_comment_wherever_it_posts_from()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;

        for (var i = 0; i < 3; i++)
        {
            reader.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Client());
            ((int)(await reader.CommentAsync(article.Slug, $"point number {i}")).Response.StatusCode).ShouldBe(302);
        }
        reader.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Client());
        var (refused, form) = await reader.CommentAsync(article.Slug, "point number 3", htmx: true);

        ((int)refused.StatusCode).ShouldBe(429);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 1200); // within two windows
        form.QuerySelector("body > form.comment-form .form-error")!.TextContent.ShouldStartWith("You are commenting faster than we allow.");
        form.QuerySelector("textarea")!.TextContent.ShouldBe("point number 3");
        (await app.CommentsOnAsync(article.Id)).Count(c => c.UserId == user.Id).ShouldBe(3);
    }

    [Fact]
    public async Task One_address_gets_429_on_its_sixth_comment_whoever_posts_it()
    {
        var article = await app.ArticleAsync();
        var ip = Client();
        var readers = new List<ReaderSession>();
        for (var i = 0; i < 6; i++) readers.Add((await ReaderFromAsync(ip)).Reader);

        for (var i = 0; i < 5; i++) ((int)(await readers[i].CommentAsync(article.Slug, $"view {i}")).Response.StatusCode).ShouldBe(302);
        var (refused, page) = await readers[5].CommentAsync(article.Slug, "view 5");

        ((int)refused.StatusCode).ShouldBe(429);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldStartWith("You are commenting faster");
        (await app.CommentsOnAsync(article.Id)).Count.ShouldBe(5);
        readers.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_filled_honeypot_looks_like_success_and_stores_nothing()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderFromAsync(Client());
        using var _r = reader;
        var (_, thread) = await reader.ThreadAsync(article.Slug);
        var trap = thread.QuerySelector("form.comment-form .hp input[name=website]")!;
        trap.GetAttribute("tabindex").ShouldBe("-1");
        thread.QuerySelectorAll("[style]").ShouldBeEmpty(); // hidden by a class: the CSP forbids inline styles

        var fields = new Dictionary<string, string> { ["body"] = "Cheap pills", ["website"] = "https://spam.example" };
        var (plain, _) = await reader.SubmitAsync($"/articles/{article.Slug}/comments", $"/articles/{article.Slug}/comments", fields);
        var (htmx, fresh) = await reader.SubmitAsync($"/articles/{article.Slug}/comments", $"/articles/{article.Slug}/comments", fields, htmx: true);

        ((int)plain.StatusCode).ShouldBe(302);
        plain.Location().ShouldBe($"/articles/{article.Slug}/comments");
        ((int)htmx.StatusCode).ShouldBe(200);
        fresh.QuerySelector("body > form.comment-form textarea")!.TextContent.ShouldBe("");
        (await app.CommentsOnAsync(article.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_comment_twice_within_ten_minutes_is_refused_but_elsewhere_or_later_is_fine()
    {
        var article = await app.ArticleAsync();
        var other = await app.ArticleAsync();
        var (reader, user) = await ReaderFromAsync(Client());
        using var _r = reader;

        ((int)(await reader.CommentAsync(article.Slug, "Great piece!")).Response.StatusCode).ShouldBe(302);
        var (twice, page) = await reader.CommentAsync(article.Slug, "  Great piece!\r\n");
        ((int)twice.StatusCode).ShouldBe(422);
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldContain("just posted this comment");
        ((int)(await reader.CommentAsync(other.Slug, "Great piece!")).Response.StatusCode).ShouldBe(302);

        (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem().UserId.ShouldBe(user.Id);
        (await app.CommentsOnAsync(other.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_account_may_post_two_links_and_an_older_one_more()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await ReaderFromAsync(Client());
        using var _r = reader;
        const string three = "See https://a.example, [this](https://b.example) and <https://c.example>.";

        var (refused, page) = await reader.CommentAsync(article.Slug, three);
        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldBe("New accounts can post at most 2 links in a comment for their first 7 days.");
        ((int)(await reader.CommentAsync(article.Slug, "Two: https://a.example and https://b.example")).Response.StatusCode).ShouldBe(302);

        await app.AgeAccountAsync(user.Id, days: 8);
        ((int)(await reader.CommentAsync(article.Slug, three)).Response.StatusCode).ShouldBe(302);
        (await app.CommentsOnAsync(article.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Comments_closed_by_the_newsroom_or_by_age_show_no_form_and_refuse_posts_with_403()
    {
        var closed = await app.ArticleAsync(a => a.CommentsClosed = true);
        var old = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddDays(-31));
        var recent = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddDays(-29));
        var parent = await app.SeedCommentAsync(closed.Id, (await app.UserAsync()).Id, "from before it closed");
        var (reader, _) = await ReaderFromAsync(Client());
        using var _r = reader;
        var token = await reader.ThreadTokenAsync(closed.Slug);

        foreach (var slug in new[] { closed.Slug, old.Slug })
        {
            var (_, thread) = await reader.ThreadAsync(slug);
            thread.QuerySelector(".thread-gate")!.TextContent.ShouldBe("Comments are closed on this story.");
            thread.QuerySelector("form.comment-form").ShouldBeNull();
            var (posted, page) = await reader.PostAsync($"/articles/{slug}/comments", new Dictionary<string, string>(token) { ["body"] = "let me in" });
            ((int)posted.StatusCode).ShouldBe(403);
            page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldBe("Comments are closed on this story.");
        }
        (await reader.ThreadAsync(closed.Slug)).Page.QuerySelector($"#comment-{parent.Id} a[href='/comments/{parent.Id}/reply']").ShouldBeNull();
        ((int)(await reader.GetPageAsync($"/comments/{parent.Id}/reply")).Response.StatusCode).ShouldBe(403);
        (await app.CommentsOnAsync(closed.Id)).Count.ShouldBe(1);
        (await app.CommentsOnAsync(old.Id)).ShouldBeEmpty();

        ((int)(await reader.CommentAsync(recent.Slug, "still open")).Response.StatusCode).ShouldBe(302);
    }

    [Fact]
    public async Task A_banned_reader_cannot_comment_or_vote_and_is_told_until_when()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Vote if you can.");
        var (reader, user) = await ReaderFromAsync(Client());
        using var _r = reader;
        var token = await reader.ThreadTokenAsync(article.Slug);
        var until = DateTime.UtcNow.AddDays(2);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedUntil, until)));

        var (_, thread) = await reader.ThreadAsync(article.Slug);
        thread.QuerySelector(".thread-gate")!.TextContent.ShouldStartWith("Your account cannot comment or vote on comments until");
        thread.QuerySelector("form.comment-form").ShouldBeNull();
        thread.QuerySelector($"#comment-{comment.Id} button.vote").ShouldBeNull();

        var (posted, page) = await reader.PostAsync($"/articles/{article.Slug}/comments", new Dictionary<string, string>(token) { ["body"] = "I'm back" });
        ((int)posted.StatusCode).ShouldBe(403);
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldStartWith("Your account cannot comment");
        var (voted, votePage) = await reader.PostAsync($"/comments/{comment.Id}/vote", new Dictionary<string, string>(token) { ["direction"] = "up" });
        ((int)voted.StatusCode).ShouldBe(403);
        votePage.QuerySelector(".comment-refusal")!.TextContent.ShouldStartWith("Your account cannot comment or vote");
        var (replied, _) = await reader.PostAsync($"/comments/{comment.Id}/reply", new Dictionary<string, string>(token) { ["body"] = "psst" });
        ((int)replied.StatusCode).ShouldBe(403);

        (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem();
        (await app.WithDbAsync(db => db.CommentVotes.CountAsync(v => v.CommentId == comment.Id))).ShouldBe(0);

        // Once the ban has run out, the reader is back.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedUntil, DateTime.UtcNow.AddMinutes(-1))));
        ((int)(await reader.VoteAsync(article.Slug, comment.Id, "up")).Response.StatusCode).ShouldBe(302);
    }
}

/// <summary>The time-to-submit check on: a form must be at least one second old.</summary>
public sealed class PaceApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Comments:MinSecondsToSubmit", "1")];
}

[Trait("Category", "Integration")]
public sealed class CommentPaceTests(PaceApp app) : IClassFixture<PaceApp>
{
    [Fact]
    public async Task A_form_sent_back_at_once_is_asked_to_take_a_moment_and_the_same_form_goes_through_a_little_later()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;

        var (quick, form) = await reader.CommentAsync(article.Slug, "First thoughts", htmx: true);

        ((int)quick.StatusCode).ShouldBe(422);
        form.QuerySelector(".form-error")!.TextContent.ShouldBe(CommentPosting.TooFast);
        form.QuerySelector("textarea")!.TextContent.ShouldBe("First thoughts");
        (await app.CommentsOnAsync(article.Id)).ShouldBeEmpty();

        // The form it sent back keeps the original stamp, so the time already spent counts.
        var fields = form.QuerySelectorAll("form.comment-form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        fields["body"] = "First thoughts";
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var (later, _) = await reader.PostAsync($"/articles/{article.Slug}/comments", fields);
        ((int)later.StatusCode).ShouldBe(302);
        (await app.CommentsOnAsync(article.Id)).ShouldHaveSingleItem().BodyMarkdown.ShouldBe("First thoughts");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-stamp")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_missing_or_forged_stamp_is_refused(string stamp)
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;

        var (response, page) = await reader.SubmitAsync($"/articles/{article.Slug}/comments", $"/articles/{article.Slug}/comments",
            new Dictionary<string, string> { ["body"] = "hello", ["started"] = stamp });

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".comment-form .form-error")!.TextContent.ShouldBe(CommentPosting.Stale);
        (await app.CommentsOnAsync(article.Id)).ShouldBeEmpty();
    }
}
