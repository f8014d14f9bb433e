using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Votes;

/// <summary>
/// One vote request: this reader wants this state on this article, named by id or by the slug
/// the reader posted to. The writer answers it with <see cref="Result"/> inside the transaction
/// that holds it; the caller reads it once <see cref="GroupCommit{T}.SubmitAsync"/> returns.
/// </summary>
public sealed class ArticleVoteRequest(int? articleId, string? slug, int userId, VoteDirection direction, DateTime at)
{
    public int? ArticleId { get; } = articleId;
    public string? Slug { get; } = slug;
    public int UserId { get; } = userId;
    public VoteDirection Direction { get; } = direction;
    public DateTime At { get; } = at;

    /// <summary>Set by every attempt of the batch (a retried batch sets it again); final once the batch committed.</summary>
    public ArticleVoteResult Result { get; internal set; } = ArticleVoteResult.NotFound;
}

/// <summary>
/// What became of a vote, and what the reader's widget shows after it: their own vote and the
/// article's counts as the batch committed them, so the answer needs no read of its own.
/// </summary>
public sealed record ArticleVoteResult(VoteOutcome Outcome, int ArticleId, string Slug, VoteState Mine, long Views, int Upvotes, int Downvotes, string? BanReason = null)
{
    public static readonly ArticleVoteResult NotFound = new(VoteOutcome.NotFound, 0, "", VoteState.None, 0, 0, 0);
}

/// <summary>
/// Applies article votes in group commits (<see cref="GroupCommit{T}"/>). Per batch:
/// 1. read the batch's live articles (by id or slug) and its readers' ban and joined dates, one
///    query each. The rules that depend on the database are checked here, in the transaction that
///    writes the vote, not in the request: a ban, an unpublished story or a new account is seen by
///    the very next batch on every instance, with no cache to go stale, and a request makes no
///    query of its own (issue 16: each of them cost a vote more CPU than the batch's share);
/// 2. lock the batch's articles, one statement each in ascending id order, so two instances
///    committing overlapping batches on PostgreSQL queue rather than deadlock (SQLite has one
///    writer anyway); every vote writer takes the article's lock first, so the rows read next
///    cannot change under us;
/// 3. read the voters' current rows (one query, by primary key), and replay the batch's accepted
///    requests over them in arrival order with <see cref="VoteChange"/>, which yields each
///    request's delta; a double click or an up-then-down in one batch nets out;
/// 4. write only the rows whose final state differs, and move each article's counts by the net
///    delta, with hotness from the new counts in the same script; then read the counts back for
///    the answers.
/// No statement reads the article's other votes, so a vote costs the same on a story with none
/// and one with 100,000. The rows stay the truth; <see cref="VoteReconciliation"/> checks.
/// </summary>
public sealed class ArticleVoteWriter(IServiceScopeFactory scopes, VoteReconciliation reconciliation, IConfiguration config, ILogger<ArticleVoteWriter> log)
    : GroupCommit<ArticleVoteRequest>(scopes, log)
{
    protected override async Task ApplyAsync(BroadsheetDb db, IReadOnlyList<ArticleVoteRequest> batch, CancellationToken ct)
    {
        var now = batch.Max(r => r.At);
        var byId = batch.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value).Distinct().ToList();
        var bySlug = batch.Where(r => r.ArticleId is null).Select(r => r.Slug!).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Votable(now).Where(a => byId.Contains(a.Id) || bySlug.Contains(a.Slug))
            .Select(a => new { a.Id, a.Slug, a.PublishedAt }).ToListAsync(ct);
        var idOfSlug = articles.ToDictionary(a => a.Slug, a => a.Id, StringComparer.Ordinal);
        var live = articles.ToDictionary(a => a.Id);
        var userIds = batch.Select(r => r.UserId).Distinct().ToList();
        var readers = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.BannedUntil, u.BanReason, u.JoinedAt }).ToDictionaryAsync(u => u.Id, ct);
        var minimumAge = VoteService.DownvoteMinAccountAgeOf(config);

        var accepted = new List<(ArticleVoteRequest Request, int ArticleId)>(batch.Count);
        foreach (var r in batch)
        {
            int? articleId = r.ArticleId is int id ? (live.ContainsKey(id) ? id : null) : idOfSlug.TryGetValue(r.Slug!, out var found) ? found : null;
            if (articleId is not int a) { r.Result = ArticleVoteResult.NotFound; continue; }
            var slug = live[a].Slug;
            // An account deleted since its cookie was checked is refused like a banned one.
            if (!readers.TryGetValue(r.UserId, out var reader) || reader.BannedUntil is { } until && until > r.At)
                r.Result = new ArticleVoteResult(VoteOutcome.Banned, a, slug, VoteState.None, 0, 0, 0, reader?.BanReason);
            else if (r.Direction == VoteDirection.Down && r.At - reader.JoinedAt < minimumAge)
                r.Result = new ArticleVoteResult(VoteOutcome.TooNewToDownvote, a, slug, VoteState.None, 0, 0, 0);
            else accepted.Add((r, a));
        }
        if (accepted.Count == 0) return;

        var articleIds = accepted.Select(x => x.ArticleId).Distinct().Order().ToList();
        var lockSql = new StringBuilder();
        foreach (var id in articleIds) lockSql.Append($"UPDATE \"Articles\" SET \"Upvotes\" = \"Upvotes\" WHERE \"Id\" = {id};\n");
        await db.Database.ExecuteSqlRawAsync(lockSql.ToString(), ct);

        var voters = accepted.Select(x => x.Request.UserId).Distinct().ToList();
        var current = await db.ArticleVotes.AsNoTracking()
            .Where(v => articleIds.Contains(v.ArticleId) && voters.Contains(v.UserId))
            .Select(v => new { v.ArticleId, v.UserId, v.Value }).ToListAsync(ct);

        var plan = VotePlan.Replay(current.ToDictionary(v => (v.ArticleId, v.UserId), v => (VoteState)v.Value),
            accepted.Select(x => (x.ArticleId, x.Request.UserId, x.Request.Direction, x.Request.At)));
        var script = new StringBuilder();
        var args = new List<object>();
        string P(object value) { args.Add(value); return $"{{{args.Count - 1}}}"; }

        // One statement for every row the batch sets, one per article for the rows it withdraws.
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
            var divisor = Hotness.AgeDivisor(now - (live[articleId].PublishedAt ?? now));
            // Two statements: the hotness must read the counts this batch just moved.
            script.Append($"UPDATE \"Articles\" SET \"Upvotes\" = \"Upvotes\" + {up}, \"Downvotes\" = \"Downvotes\" + {down} WHERE \"Id\" = {articleId};\n");
            script.Append($"UPDATE \"Articles\" SET \"Hotness\" = {Hotness.SqlEngagement} / {P(divisor)} WHERE \"Id\" = {articleId};\n");
        }
        if (script.Length > 0) await db.Database.ExecuteSqlRawAsync(script.ToString(), args, ct);
        // "Top this week" is kept as rows; in the batch's transaction, from the counts just moved.
        var moved = plan.Deltas.Where(d => d.Value != (0, 0)).Select(d => d.Key).ToList();
        if (moved.Count > 0) await RankingRefresh.RunAsync(db, moved, now, ct);
        // Marked even if the commit then fails: a needless check costs one recount.
        foreach (var id in plan.Deltas.Keys) reconciliation.Touched(id);

        // The counts as this batch leaves them, for every answer (the article rows are locked: nobody else moved them).
        var counts = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.ViewCount, a.Upvotes, a.Downvotes }).ToDictionaryAsync(a => a.Id, ct);
        foreach (var (r, a) in accepted)
        {
            var c = counts[a];
            r.Result = new ArticleVoteResult(VoteOutcome.Counted, a, live[a].Slug, plan.Final[(a, r.UserId)], c.ViewCount, c.Upvotes, c.Downvotes);
        }
    }
}

/// <summary>
/// A batch replayed over the voters' current rows: each (article, reader)'s final state and
/// when it was last asked for, the rows among them that change, and each article's net change
/// to its counts.
/// </summary>
public sealed record VotePlan(
    IReadOnlyDictionary<(int ArticleId, int UserId), (VoteState State, DateTime At)> Rows,
    IReadOnlyDictionary<int, (int Up, int Down)> Deltas,
    IReadOnlyDictionary<(int ArticleId, int UserId), VoteState> Final)
{
    public static VotePlan Replay(IReadOnlyDictionary<(int ArticleId, int UserId), VoteState> current,
        IEnumerable<(int ArticleId, int UserId, VoteDirection Direction, DateTime At)> requests)
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
        return new VotePlan(changed, deltas, state.ToDictionary(kv => kv.Key, kv => kv.Value.State));
    }
}
