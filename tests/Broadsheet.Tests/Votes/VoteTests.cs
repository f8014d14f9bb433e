using Broadsheet.Votes;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Votes;

[Trait("Category", "Integration")]
public sealed class VoteTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-30);

    private async Task<(ReaderSession Reader, int UserId)> ReaderAsync(DateTime? joinedAt = null)
    {
        var user = await app.UserAsync(joinedAt: joinedAt ?? LongAgo);
        var reader = app.Reader();
        ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        return (reader, user.Id);
    }

    /// <summary>Submits the article's vote form (the live widget's) with the given direction.</summary>
    private static Task<HttpResponseMessage> VoteAsync(ReaderSession reader, Article article, string direction, bool htmx = false) =>
        reader.VoteOnArticleAsync(article.Slug, direction, htmx);

    private Task<(int Up, int Down, int Rows)> CountsAsync(Article article) => app.WithDbAsync(async db =>
    {
        var a = await db.Articles.AsNoTracking().SingleAsync(x => x.Id == article.Id);
        return (a.Upvotes, a.Downvotes, await db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id));
    });

    [Fact]
    public async Task Upvote_then_unvote_restores_the_score()
    {
        var article = await app.ArticleAsync();
        var (reader, userId) = await ReaderAsync();
        using var _ = reader;

        var up = await VoteAsync(reader, article, "up");
        ((int)up.StatusCode).ShouldBe(302);
        up.Headers.Location!.OriginalString.ShouldBe($"/articles/{article.Slug}#votes");
        (await CountsAsync(article)).ShouldBe((1, 0, 1));
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id))).UserId.ShouldBe(userId);

        await VoteAsync(reader, article, "clear");
        (await CountsAsync(article)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Switching_moves_the_vote_from_one_count_to_the_other_and_repeating_changes_nothing()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync();
        using var _r = reader;
        await VoteAsync(reader, article, "up");
        await VoteAsync(reader, article, "up");
        (await CountsAsync(article)).ShouldBe((1, 0, 1));
        await VoteAsync(reader, article, "down");
        (await CountsAsync(article)).ShouldBe((0, 1, 1));
        (await app.WithDbAsync(db => db.ArticleVotes.SingleAsync(v => v.ArticleId == article.Id))).Value.ShouldBe(-1);
    }

    [Fact]
    public async Task The_widget_shows_the_readers_own_vote_pressed_and_the_exact_line()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync();
        using var _r = reader;
        var response = await VoteAsync(reader, article, "up", htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        var (_, widget) = await reader.GetPageAsync(VoteWidget.PathFor(article.Slug));
        widget.QuerySelector(".votes")!.TextContent.ShouldBe("1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
        widget.QuerySelector("button.vote-up")!.GetAttribute("aria-pressed").ShouldBe("true");
        widget.QuerySelector("button.vote-up")!.GetAttribute("value").ShouldBe("clear");
        widget.QuerySelector("button.vote-down")!.GetAttribute("aria-pressed").ShouldBe("false");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<div class=\"counters\"");
        html.ShouldContain("aria-pressed=\"true\"");
    }

    [Fact]
    public async Task An_htmx_vote_answers_with_the_counts_it_committed_and_hands_back_the_token_it_was_sent()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync();
        using var _r = reader;
        var token = await reader.VoteTokenAsync(article.Slug);
        Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> Vote(string direction) =>
            reader.PostAsync($"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = direction }, htmx: true);

        var (response, widget) = await Vote("up");
        ((int)response.StatusCode).ShouldBe(200);
        widget.QuerySelector(".votes")!.TextContent.ShouldBe("1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
        widget.QuerySelector("button.vote-up")!.GetAttribute("aria-pressed").ShouldBe("true");
        // The token was just checked for this reader: handing it back costs no encryption, and it still works.
        widget.QuerySelector("form.vote input[name=__RequestVerificationToken]")!.GetAttribute("value").ShouldBe(token);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var (again, after) = await Vote("down");
        ((int)again.StatusCode).ShouldBe(200);
        after.QuerySelector(".votes")!.TextContent.ShouldBe("1 Vote: 0 Upvotes, 1 Downvote (-1 Points)");
        (await CountsAsync(article)).ShouldBe((0, 1, 1));
    }

    [Fact]
    public async Task Signed_out_the_buttons_sign_in_first_and_the_vote_is_then_cast()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: LongAgo);
        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
        var link = page.QuerySelector(".counters a.vote-down")!.GetAttribute("href")!;
        link.ShouldBe($"/account/sign-in?returnUrl=%2Farticles%2F{article.Slug}&then=vote%3A{article.Slug}%3Adown");
        page.QuerySelector(".counters form").ShouldBeNull(); // the cached page carries no token

        using var reader = app.Reader();
        var (response, _) = await reader.SubmitAsync(link, "/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = TestReaders.Password });
        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe($"/articles/{article.Slug}");
        (await CountsAsync(article)).ShouldBe((0, 1, 1));
    }

    [Fact]
    public async Task A_new_account_can_upvote_but_not_yet_downvote()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync(joinedAt: DateTime.UtcNow);
        using var _r = reader;
        var down = await VoteAsync(reader, article, "down");
        ((int)down.StatusCode).ShouldBe(403);
        down.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CountsAsync(article)).ShouldBe((0, 0, 0));
        ((int)(await VoteAsync(reader, article, "up")).StatusCode).ShouldBe(302);
        (await CountsAsync(article)).ShouldBe((1, 0, 1));
    }

    [Fact]
    public async Task A_banned_reader_cannot_vote()
    {
        var article = await app.ArticleAsync();
        var (reader, userId) = await ReaderAsync();
        using var _r = reader;
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedUntil, DateTime.UtcNow.AddDays(1))));
        var response = await VoteAsync(reader, article, "up");
        ((int)response.StatusCode).ShouldBe(403);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!.ShouldContain("cannot vote");
        (await CountsAsync(article)).ShouldBe((0, 0, 0));
    }

    [Theory]
    [InlineData("sideways", 400)]
    [InlineData("", 400)]
    [InlineData("UP", 400)]
    public async Task A_bad_direction_is_a_bad_request(string direction, int status)
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync();
        using var _r = reader;
        ((int)(await VoteAsync(reader, article, direction)).StatusCode).ShouldBe(status);
        (await CountsAsync(article)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Unknown_articles_missing_tokens_and_signed_out_posts_change_nothing()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await ReaderAsync();
        using var _r = reader;
        var token = await reader.VoteTokenAsync(article.Slug);

        ((int)(await reader.PostAsync("/articles/no-such-story/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" })).Response.StatusCode).ShouldBe(404);
        var missing = (await reader.PostAsync($"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["direction"] = "up" })).Response;
        ((int)missing.StatusCode).ShouldBe(400, string.Join("\n", app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(l => l.Category + ": " + l.Message)));
        using var stranger = app.Reader();
        var anonymous = (await stranger.PostAsync($"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["direction"] = "up" })).Response;
        ((int)anonymous.StatusCode).ShouldBeOneOf(302, 400);
        (await CountsAsync(article)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Five_hundred_racing_votes_from_a_hundred_readers_leave_one_row_each_and_exact_counts()
    {
        var article = await app.ArticleAsync();
        var readers = new List<(ReaderSession Reader, string Token)>();
        foreach (var batch in Enumerable.Range(0, 100).Chunk(10))
            readers.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var (reader, _) = await LinkSignedInReaderAsync();
                return (reader, await reader.VoteTokenAsync(article.Slug));
            })));

        // Five votes each, up or down: duplicates and switches, all in flight together.
        var random = new Random(42);
        var requests = readers.SelectMany(r => Enumerable.Range(0, 5).Select(_ => (r.Reader, r.Token, Direction: random.Next(2) == 0 ? "up" : "down"))).ToList();
        var writer = app.Services.GetRequiredService<Broadsheet.Votes.ArticleVoteWriter>();
        var before = writer.Committed;
        var responses = await Task.WhenAll(requests.Select(r => r.Reader.PostAsync($"/articles/{article.Slug}/vote",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = r.Token, ["direction"] = r.Direction })));

        responses.ShouldAllBe(r => r.Response.StatusCode == HttpStatusCode.Redirect);
        var (up, down, rows) = await CountsAsync(article);
        rows.ShouldBe(100);
        (up + down).ShouldBe(100);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.Value == 1))).ShouldBe(up);
        // Group commit: every vote went through the writer, and votes that waited together shared a transaction.
        var after = writer.Committed;
        (after.Items - before.Items).ShouldBe(500);
        (after.Batches - before.Batches).ShouldBeLessThan(500);
        foreach (var (reader, _) in readers) reader.Dispose();
    }

    /// <summary>A reader signed in by a sign-in link: no password hashing, so a hundred of them are quick.</summary>
    private async Task<(ReaderSession, int)> LinkSignedInReaderAsync()
    {
        var user = await app.UserAsync(password: null, joinedAt: LongAgo);
        var reader = app.Reader();
        await reader.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var link = app.Mailbox.LatestLink(user.Email!);
        ((int)(await reader.SubmitAsync(link, "/account/link", new Dictionary<string, string>())).Response.StatusCode).ShouldBe(302);
        return (reader, user.Id);
    }
}

[Trait("Category", "Integration")]
public sealed class VoteWithoutJavaScriptTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task A_signed_in_reader_can_vote_from_the_page_itself_and_sees_it_pressed()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        using var reader = app.Reader();
        await reader.SignInAsync(user.Email!);

        var (response, _) = await reader.SubmitAsync($"/articles/{article.Slug}", $"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["direction"] = "up" });
        ((int)response.StatusCode).ShouldBe(302);
        var (_, page) = await reader.GetPageAsync($"/articles/{article.Slug}");
        page.QuerySelector(".counters button.vote-up")!.GetAttribute("aria-pressed").ShouldBe("true");
        page.QuerySelector(".counters .votes")!.TextContent.ShouldBe("1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id && v.UserId == user.Id && v.Value == 1))).ShouldBe(1);
    }
}

/// <summary>Two votes per reader per minute, so the third is refused.</summary>
public sealed class TightVotesApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("RateLimits:vote-user:Permits", "2")];
}

[Trait("Category", "Integration")]
public sealed class VoteLimitTests(TightVotesApp app) : IClassFixture<TightVotesApp>
{
    [Fact]
    public async Task A_reader_voting_too_fast_gets_429_with_retry_after_and_the_vote_is_not_cast()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        using var reader = app.Reader();
        await reader.SignInAsync(user.Email!);
        var token = await reader.VoteTokenAsync(article.Slug);
        Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> Vote(string direction) =>
            reader.PostAsync($"/articles/{article.Slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = direction });

        ((int)(await Vote("up")).Response.StatusCode).ShouldBe(302);
        ((int)(await Vote("clear")).Response.StatusCode).ShouldBe(302);
        var refused = (await Vote("down")).Response;

        ((int)refused.StatusCode).ShouldBe(429);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
    }
}

[Trait("Category", "Integration")]
public sealed class VoteHotnessTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task A_vote_stores_the_same_hotness_as_the_formula()
    {
        var article = await app.ArticleAsync(a => { a.PublishedAt = DateTime.UtcNow.AddHours(-5); a.CommentCount = 3; a.ViewCount = 450; });
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Broadsheet.Votes.VoteService>().CastAsync(user.Id, article.Id, Broadsheet.Votes.VoteDirection.Up, default);
        var hot = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Hotness).SingleAsync());
        hot.ShouldBe(Broadsheet.Ranking.Hotness.Of(1, 3, 450, TimeSpan.FromHours(5)), 0.001);
    }
}
