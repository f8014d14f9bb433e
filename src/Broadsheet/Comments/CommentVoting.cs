using Broadsheet.Data;
using Broadsheet.Ranking;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>A comment's votes after a change, and the viewer's own.</summary>
public sealed record CommentVotesState(long CommentId, int Upvotes, int Downvotes, int Mine);

/// <summary>
/// Up, down or withdraw on a comment: one row per reader per comment (the primary key), and the
/// counts recomputed from the rows, never added to. The transaction first takes the comment row
/// with a no-op UPDATE, so concurrent votes on one comment queue on PostgreSQL's READ COMMITTED
/// and each recount sees every earlier commit; the counts always equal the rows.
/// </summary>
public sealed class CommentVoting(BroadsheetDb db, TimeProvider clock)
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

        using var gate = await db.WriteGateAsync(ct); // SQLite: queue in the process, not in the driver's busy-wait
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Upvotes, c => c.Upvotes), ct);
        if (direction == VoteDirection.Clear)
            await db.CommentVotes.Where(v => v.CommentId == commentId && v.UserId == userId).ExecuteDeleteAsync(ct);
        else
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CommentVotes" ("CommentId", "UserId", "Value", "CreatedAt") VALUES ({commentId}, {userId}, {(direction == VoteDirection.Up ? 1 : -1)}, {now})
                ON CONFLICT ("CommentId", "UserId") DO UPDATE SET "Value" = excluded."Value"
                """, ct);
        var (up, down) = await RecountOneAsync(db, commentId, ct);
        await tx.CommitAsync(ct);
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
