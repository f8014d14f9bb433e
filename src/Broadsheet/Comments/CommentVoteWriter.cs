using Broadsheet.Data;
using Broadsheet.Ranking;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Comments;

/// <summary>One validated request: this reader wants this vote on this comment.</summary>
public readonly record struct CommentVoteRequest(long CommentId, int UserId, VoteDirection Direction, DateTime At);

/// <summary>
/// Applies comment votes in group commits, as <see cref="ArticleVoteWriter"/> does articles':
/// the batch's comments are locked in id order, their counts and the voters' rows are read, the
/// batch is replayed over them with <see cref="VoteChange"/>, and each comment gets its counts
/// moved by the net delta and its Wilson score from the new counts, in one script. Nothing reads
/// a comment's other votes, so the cost does not grow with them.
/// </summary>
public sealed class CommentVoteWriter(IServiceScopeFactory scopes, ILogger<CommentVoteWriter> log)
    : GroupCommit<CommentVoteRequest>(scopes, log)
{
    protected override async Task ApplyAsync(BroadsheetDb db, IReadOnlyList<CommentVoteRequest> batch, CancellationToken ct)
    {
        var commentIds = batch.Select(r => r.CommentId).Distinct().Order().ToList();
        var lockSql = new StringBuilder();
        foreach (var id in commentIds) lockSql.Append($"UPDATE \"Comments\" SET \"Upvotes\" = \"Upvotes\" WHERE \"Id\" = {id};\n");
        await db.Database.ExecuteSqlRawAsync(lockSql.ToString(), ct);

        var userIds = batch.Select(r => r.UserId).Distinct().ToList();
        var rows = await db.CommentVotes.AsNoTracking().Where(v => commentIds.Contains(v.CommentId) && userIds.Contains(v.UserId))
            .ToDictionaryAsync(v => (v.CommentId, v.UserId), v => (VoteState)v.Value, ct);
        var counts = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (Up: c.Upvotes, Down: c.Downvotes), ct);

        var final = new Dictionary<(long CommentId, int UserId), (VoteState State, DateTime At)>();
        foreach (var r in batch)
        {
            var key = (r.CommentId, r.UserId);
            var before = final.TryGetValue(key, out var s) ? s.State : rows.GetValueOrDefault(key);
            var outcome = VoteChange.Apply(before, r.Direction);
            final[key] = (outcome.State, r.At);
            if (counts.TryGetValue(r.CommentId, out var c)) counts[r.CommentId] = (c.Up + outcome.UpDelta, c.Down + outcome.DownDelta);
        }

        var script = new StringBuilder();
        var args = new List<object>();
        string P(object value) { args.Add(value); return $"{{{args.Count - 1}}}"; }
        foreach (var ((commentId, userId), (state, at)) in final.Where(f => f.Value.State != rows.GetValueOrDefault(f.Key)))
            script.Append(state == VoteState.None
                ? $"DELETE FROM \"CommentVotes\" WHERE \"CommentId\" = {commentId} AND \"UserId\" = {userId};\n"
                : $"INSERT INTO \"CommentVotes\" (\"CommentId\", \"UserId\", \"Value\", \"CreatedAt\") VALUES ({commentId}, {userId}, {(int)state}, {P(at)}) ON CONFLICT (\"CommentId\", \"UserId\") DO UPDATE SET \"Value\" = excluded.\"Value\";\n");
        foreach (var (commentId, (up, down)) in counts)
            script.Append($"UPDATE \"Comments\" SET \"Upvotes\" = {up}, \"Downvotes\" = {down}, \"Score\" = {P(Wilson.LowerBound(up, down))} WHERE \"Id\" = {commentId};\n");
        if (script.Length > 0) await db.Database.ExecuteSqlRawAsync(script.ToString(), args, ct);
    }
}
