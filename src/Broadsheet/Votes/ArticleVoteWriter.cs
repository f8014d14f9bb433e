using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Votes;

/// <summary>One validated request: this reader wants this state on this article.</summary>
public readonly record struct ArticleVoteRequest(int ArticleId, int UserId, VoteDirection Direction, DateTime At);

/// <summary>
/// Applies article votes in group commits (<see cref="GroupCommit{T}"/>). Per batch:
/// 1. lock the batch's articles, one statement each in ascending id order, so two instances
///    committing overlapping batches on PostgreSQL queue rather than deadlock (SQLite has one
///    writer anyway); every vote writer takes the article's lock first, so the rows read next
///    cannot change under us;
/// 2. read the voters' current rows (one query, by primary key), and replay the batch's
///    requests over them in arrival order with <see cref="VoteChange"/>, which yields each
///    request's delta; a double click or an up-then-down in one batch nets out;
/// 3. write only the rows whose final state differs, and move each article's counts by the net
///    delta, with hotness from the new counts in the same script.
/// No statement reads the article's other votes, so a vote costs the same on a story with none
/// and one with 100,000. The rows stay the truth; <see cref="VoteReconciliation"/> checks.
/// </summary>
public sealed class ArticleVoteWriter(IServiceScopeFactory scopes, VoteReconciliation reconciliation, ILogger<ArticleVoteWriter> log)
    : GroupCommit<ArticleVoteRequest>(scopes, log)
{
    protected override async Task ApplyAsync(BroadsheetDb db, IReadOnlyList<ArticleVoteRequest> batch, CancellationToken ct)
    {
        var articleIds = batch.Select(r => r.ArticleId).Distinct().Order().ToList();
        var lockSql = new StringBuilder();
        foreach (var id in articleIds) lockSql.Append($"UPDATE \"Articles\" SET \"Upvotes\" = \"Upvotes\" WHERE \"Id\" = {id};\n");
        await db.Database.ExecuteSqlRawAsync(lockSql.ToString(), ct);

        var userIds = batch.Select(r => r.UserId).Distinct().ToList();
        var current = await db.ArticleVotes.AsNoTracking()
            .Where(v => articleIds.Contains(v.ArticleId) && userIds.Contains(v.UserId))
            .Select(v => new { v.ArticleId, v.UserId, v.Value }).ToListAsync(ct);
        var published = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.PublishedAt }).ToDictionaryAsync(a => a.Id, a => a.PublishedAt, ct);

        var plan = VotePlan.Replay(current.ToDictionary(v => (v.ArticleId, v.UserId), v => (VoteState)v.Value), batch);
        var script = new StringBuilder();
        var args = new List<object>();
        string P(object value) { args.Add(value); return $"{{{args.Count - 1}}}"; }

        var upserts = plan.Rows.Where(r => r.Value.State != VoteState.None).ToList();
        if (upserts.Count > 0)
        {
            script.Append("""INSERT INTO "ArticleVotes" ("ArticleId", "UserId", "Value", "CreatedAt", "UpdatedAt") VALUES """);
            script.AppendJoin(", ", upserts.Select(r => $"({r.Key.ArticleId}, {r.Key.UserId}, {(int)r.Value.State}, {P(r.Value.At)}, {P(r.Value.At)})"));
            script.Append("""
                 ON CONFLICT ("ArticleId", "UserId") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt";

                """);
        }
        foreach (var withdrawn in plan.Rows.Where(r => r.Value.State == VoteState.None).GroupBy(r => r.Key.ArticleId))
            script.Append($"DELETE FROM \"ArticleVotes\" WHERE \"ArticleId\" = {withdrawn.Key} AND \"UserId\" IN ({string.Join(", ", withdrawn.Select(r => r.Key.UserId))});\n");
        foreach (var (articleId, (up, down)) in plan.Deltas.Where(d => d.Value != (0, 0)))
        {
            var now = batch[^1].At;
            var divisor = Hotness.AgeDivisor(now - (published.GetValueOrDefault(articleId) ?? now));
            // Two statements: the hotness must read the counts this batch just moved.
            script.Append($"UPDATE \"Articles\" SET \"Upvotes\" = \"Upvotes\" + {up}, \"Downvotes\" = \"Downvotes\" + {down} WHERE \"Id\" = {articleId};\n");
            script.Append($"UPDATE \"Articles\" SET \"Hotness\" = {Hotness.SqlEngagement} / {P(divisor)} WHERE \"Id\" = {articleId};\n");
        }
        if (script.Length > 0) await db.Database.ExecuteSqlRawAsync(script.ToString(), args, ct);
        // "Top this week" is kept as rows; in the batch's transaction, from the counts just moved.
        var moved = plan.Deltas.Where(d => d.Value != (0, 0)).Select(d => d.Key).ToList();
        if (moved.Count > 0) await RankingRefresh.RunAsync(db, moved, batch[^1].At, ct);
        // Marked even if the commit then fails: a needless check costs one recount.
        foreach (var id in plan.Deltas.Keys) reconciliation.Touched(id);
    }
}

/// <summary>
/// A batch replayed over the voters' current rows: each (article, reader)'s final state and
/// when it was last asked for, and each article's net change to its counts.
/// </summary>
public sealed record VotePlan(
    IReadOnlyDictionary<(int ArticleId, int UserId), (VoteState State, DateTime At)> Rows,
    IReadOnlyDictionary<int, (int Up, int Down)> Deltas)
{
    public static VotePlan Replay(IReadOnlyDictionary<(int ArticleId, int UserId), VoteState> current, IEnumerable<ArticleVoteRequest> requests)
    {
        var state = new Dictionary<(int, int), (VoteState State, DateTime At)>();
        var deltas = new Dictionary<int, (int Up, int Down)>();
        foreach (var r in requests)
        {
            var key = (r.ArticleId, r.UserId);
            var before = state.TryGetValue(key, out var s) ? s.State : current.GetValueOrDefault(key);
            var outcome = VoteChange.Apply(before, r.Direction);
            state[key] = (outcome.State, r.At);
            var (up, down) = deltas.GetValueOrDefault(r.ArticleId);
            deltas[r.ArticleId] = (up + outcome.UpDelta, down + outcome.DownDelta);
        }
        // Rows that end where they began need no write (a repeated click, or up then clear on no vote).
        var changed = state.Where(kv => kv.Value.State != current.GetValueOrDefault(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return new VotePlan(changed, deltas);
    }
}
