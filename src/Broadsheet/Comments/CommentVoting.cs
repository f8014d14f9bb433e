using Broadsheet.Data;
using Broadsheet.Ranking;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>A comment's votes after a change, and the viewer's own.</summary>
public sealed record CommentVotesState(long CommentId, int Upvotes, int Downvotes, int Mine);

/// <summary>
/// Up, down or withdraw on a comment: one row per reader per comment (the primary key). The
/// request checks the comment and the reader, then hands the vote to the instance's
/// <see cref="CommentVoteWriter"/>, which moves the counts by delta in a group commit, and
/// answers after that commit. <see cref="RecountAsync"/> recounts from the rows (account deletion).
/// </summary>
public sealed class CommentVoting(BroadsheetDb db, CommentVoteWriter writer, TimeProvider clock)
{
    public async Task<(CommentVotesState? State, Refusal? Refusal)> VoteAsync(long commentId, int userId, VoteDirection direction, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.Status, c.UserId }).FirstOrDefaultAsync(ct);
        if (comment is null || comment.Status != CommentStatus.Visible) return (null, Refusal.Gone());
        if (comment.UserId == userId) return (null, Refusal.Forbidden("You cannot vote on your own comment."));
        var standing = await Standing.OfAsync(db, userId, ct);
        if (standing is null) return (null, Refusal.Forbidden("Sign in again to vote."));
        if (standing.IsBanned(now)) return (null, Refusal.Banned(standing.BannedUntil!.Value, standing.BanReason));

        await writer.SubmitAsync(new CommentVoteRequest(commentId, userId, direction, now), ct);
        // An anonymous type: Npgsql cannot read a tuple from a SELECT.
        var counts = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.Upvotes, c.Downvotes }).FirstAsync(ct);
        var (up, down) = (counts.Upvotes, counts.Downvotes);
        var mine = direction switch { VoteDirection.Up => 1, VoteDirection.Down => -1, _ => 0 };
        return (new CommentVotesState(commentId, up, down, mine), null);
    }

    /// <summary>Counts and score of each comment from its vote rows (after an account and its votes went).</summary>
    public static async Task RecountAsync(BroadsheetDb db, IEnumerable<long> commentIds, CancellationToken ct)
    {
        foreach (var id in commentIds.Distinct()) await RecountOneAsync(db, id, ct);
    }

    private static async Task<(int Up, int Down)> RecountOneAsync(BroadsheetDb db, long commentId, CancellationToken ct)
    {
        var tally = await db.CommentVotes.Where(v => v.CommentId == commentId).GroupBy(v => v.CommentId)
            .Select(g => new { Up = g.Count(v => v.Value == 1), Down = g.Count(v => v.Value == -1) }).FirstOrDefaultAsync(ct);
        int up = tally?.Up ?? 0, down = tally?.Down ?? 0;
        var score = Wilson.LowerBound(up, down);
        await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Upvotes, up).SetProperty(c => c.Downvotes, down).SetProperty(c => c.Score, score), ct);
        return (up, down);
    }
}
