using Broadsheet.Comments;
using Broadsheet.Ranking;
using Broadsheet.Tests.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

[Trait("Category", "Integration")]
public sealed class CommentVoteTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private Task<List<CommentVote>> VotesOnAsync(long id) =>
        app.WithDbAsync(db => db.CommentVotes.AsNoTracking().Where(v => v.CommentId == id).ToListAsync());

    [Fact]
    public async Task Up_switch_and_withdraw_move_one_vote_and_keep_counts_and_score_equal_to_the_rows()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Vote on me.");
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;

        var (up, _) = await reader.VoteAsync(article.Slug, comment.Id, "up");
        ((int)up.StatusCode).ShouldBe(302);
        up.Location().ShouldBe($"/articles/{article.Slug}/comments#comment-{comment.Id}");
        (await VotesOnAsync(comment.Id)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(v => v.UserId.ShouldBe(user.Id), v => v.Value.ShouldBe(1));
        var stored = (await app.CommentByIdAsync(comment.Id))!;
        (stored.Upvotes, stored.Downvotes).ShouldBe((1, 0));
        stored.Score.ShouldBe(Wilson.LowerBound(1, 0), 1e-9);

        var (_, thread) = await reader.ThreadAsync(article.Slug);
        var pressed = thread.QuerySelector($"#comment-{comment.Id} .vote-up")!;
        pressed.GetAttribute("aria-pressed").ShouldBe("true");
        pressed.GetAttribute("value").ShouldBe("clear"); // pressing it again withdraws
        pressed.GetAttribute("form").ShouldBe("thread-actions");
        thread.QuerySelector($"#comment-{comment.Id} .points")!.TextContent.ShouldBe("1 point");

        var (down, fragment) = await reader.VoteAsync(article.Slug, comment.Id, "down", htmx: true);
        ((int)down.StatusCode).ShouldBe(200);
        fragment.QuerySelector("body > .comment-votes .vote-down")!.GetAttribute("aria-pressed").ShouldBe("true");
        fragment.QuerySelector(".points")!.TextContent.ShouldBe("-1 points");
        (await VotesOnAsync(comment.Id)).ShouldHaveSingleItem().Value.ShouldBe(-1);
        stored = (await app.CommentByIdAsync(comment.Id))!;
        (stored.Upvotes, stored.Downvotes, stored.Score).ShouldBe((0, 1, 0.0));

        await reader.VoteAsync(article.Slug, comment.Id, "clear");
        (await VotesOnAsync(comment.Id)).ShouldBeEmpty();
        stored = (await app.CommentByIdAsync(comment.Id))!;
        (stored.Upvotes, stored.Downvotes, stored.Score).ShouldBe((0, 0, 0.0));
    }

    [Fact]
    public async Task A_comment_vote_moves_the_stored_counts_by_its_delta_without_recounting_the_rows()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Count me by delta.");
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Upvotes, 20).SetProperty(c => c.Downvotes, 4)));
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;

        ((int)(await reader.VoteAsync(article.Slug, comment.Id, "up")).Response.StatusCode).ShouldBe(302);

        // A recount would say (1, 0): the vote adds one to what was stored, and the score follows.
        var stored = (await app.CommentByIdAsync(comment.Id))!;
        (stored.Upvotes, stored.Downvotes).ShouldBe((21, 4));
        stored.Score.ShouldBe(Wilson.LowerBound(21, 4), 1e-9);
        (await VotesOnAsync(comment.Id)).ShouldHaveSingleItem().Value.ShouldBe(1);
    }

    [Fact]
    public async Task Readers_cannot_vote_on_their_own_comment_and_a_bad_direction_is_a_400()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "I agree with myself.")).Response.CommentId();

        (await reader.ThreadAsync(article.Slug)).Page.QuerySelector($"#comment-{id} .vote").ShouldBeNull();
        var (own, page) = await reader.VoteAsync(article.Slug, id, "up");
        ((int)own.StatusCode).ShouldBe(403);
        page.QuerySelector(".comment-refusal")!.TextContent.ShouldBe("You cannot vote on your own comment.");
        ((int)(await reader.VoteAsync(article.Slug, id, "sideways")).Response.StatusCode).ShouldBe(400);
        (await VotesOnAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signed_out_readers_get_sign_in_links_instead_of_vote_buttons()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Vote later.");

        var (_, thread) = await app.Reader().ThreadAsync(article.Slug);

        var up = thread.QuerySelector($"#comment-{comment.Id} a.vote-up")!;
        up.GetAttribute("href").ShouldBe($"/account/sign-in?returnUrl=%2Fcomments%2F{comment.Id}"); // the permalink, which leads back to the comment
        thread.QuerySelectorAll($"#comment-{comment.Id} button").ShouldBeEmpty();
        var (permalink, _) = await app.Reader().GetPageAsync($"/comments/{comment.Id}");
        ((int)permalink.StatusCode).ShouldBe(302);
        permalink.Location().ShouldBe($"/articles/{article.Slug}/comments#comment-{comment.Id}");
    }

    [Fact]
    public async Task Concurrent_votes_from_many_readers_leave_one_row_each_and_exact_counts()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Popular opinion.");
        var readers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => app.SignedInReaderAsync()));
        var tokens = await Task.WhenAll(readers.Select(r => r.Reader.ThreadTokenAsync(article.Slug)));
        string[] moves = ["up", "down", "clear", "up", "up", "down"];

        // Every reader fires six votes at once (doubles, switches and withdrawals), all readers together.
        var requests = readers.SelectMany((r, i) => moves.Select((move, j) =>
            r.Reader.PostAsync($"/comments/{comment.Id}/vote", new Dictionary<string, string>(tokens[i]) { ["direction"] = moves[(i + j) % moves.Length] })));
        var responses = await Task.WhenAll(requests);

        responses.ShouldAllBe(r => (int)r.Response.StatusCode == 302);
        var votes = await VotesOnAsync(comment.Id);
        votes.GroupBy(v => v.UserId).ShouldAllBe(g => g.Count() == 1);
        var stored = (await app.CommentByIdAsync(comment.Id))!;
        stored.Upvotes.ShouldBe(votes.Count(v => v.Value == 1));
        stored.Downvotes.ShouldBe(votes.Count(v => v.Value == -1));
        stored.Score.ShouldBe(Wilson.LowerBound(stored.Upvotes, stored.Downvotes), 1e-9);
        foreach (var (reader, _) in readers) reader.Dispose();
    }

    [Fact]
    public async Task A_deleted_accounts_votes_leave_the_counts()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Counted right.");
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        await reader.VoteAsync(article.Slug, comment.Id, "up");
        (await app.CommentByIdAsync(comment.Id))!.Upvotes.ShouldBe(1);

        await reader.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = TestReaders.Password });

        (await VotesOnAsync(comment.Id)).ShouldBeEmpty();
        var stored = (await app.CommentByIdAsync(comment.Id))!;
        (stored.Upvotes, stored.Downvotes, stored.Score).ShouldBe((0, 0, 0.0));
    }
}
