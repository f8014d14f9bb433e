using Broadsheet.Comments;
using Broadsheet.Ranking;
using Broadsheet.Tests.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

/// <summary>
/// Comments' share of account deletion (an <c>IAccountDeletionStep</c> since issue 18): the
/// reader's comment votes go with the account and the comments they voted on are recounted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CommentVoteDeletionTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    [Fact]
    public Task Deleting_an_account_takes_its_comment_votes_out_of_the_comments_counts_and_score() => DeletionRecountsAsync(app);

    internal static async Task DeletionRecountsAsync(CommentsApp app)
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Vote on me, then leave.");
        var (stays, _) = await app.SignedInReaderAsync();
        using var _s = stays;
        var (leaves, user) = await app.SignedInReaderAsync();
        using var _l = leaves;
        await stays.VoteAsync(article.Slug, comment.Id, "up");
        await leaves.VoteAsync(article.Slug, comment.Id, "up");
        var before = (await app.CommentByIdAsync(comment.Id))!;
        (before.Upvotes, before.Downvotes).ShouldBe((2, 0));

        var (response, _) = await leaves.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = TestReaders.Password });

        response.PathAndQuery().ShouldBe("/account/deleted");
        (await app.WithDbAsync(db => db.CommentVotes.CountAsync(v => v.UserId == user.Id))).ShouldBe(0);
        var after = (await app.CommentByIdAsync(comment.Id))!;
        (after.Upvotes, after.Downvotes).ShouldBe((1, 0));
        after.Score.ShouldBe(Wilson.LowerBound(1, 0), 1e-9);
    }
}
