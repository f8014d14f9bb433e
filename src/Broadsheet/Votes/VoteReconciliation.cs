using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace Broadsheet.Votes;

/// <summary>
/// The vote rows are the truth; the counts on the article are kept by delta
/// (<see cref="ArticleVoteWriter"/>). This compares the two for some articles and repairs and logs
/// any difference (a row deleted by hand, an account deleted with its votes, a bug). Each article
/// is checked in its own short transaction that takes the article's lock first, as the writer
/// does, so a batch cannot land between the count and the repair.
/// </summary>
public sealed class VoteReconciliation(ILogger<VoteReconciliation> log, TimeProvider clock)
{
    // {0} article, {1} up, {2} down, {3} hotness age divisor; hotness reads the repaired counts.
    private const string RepairSql = """
        UPDATE "Articles" SET "Upvotes" = {1}, "Downvotes" = {2} WHERE "Id" = {0};
        UPDATE "Articles" SET "Hotness" = 
        """ + Hotness.SqlEngagement + """
         / {3} WHERE "Id" = {0};
        """;

    private readonly ConcurrentDictionary<int, byte> touched = new();
    private int cursor;

    /// <summary>Called by the writer for each article a batch changed: checked on the next pass.</summary>
    public void Touched(int articleId) => touched.TryAdd(articleId, 0);

    /// <summary>Checks each article; returns how many had wrong counts (now repaired).</summary>
    public async Task<int> CheckAsync(BroadsheetDb db, IEnumerable<int> articleIds, CancellationToken ct)
    {
        var repaired = 0;
        foreach (var id in articleIds.Distinct().Order())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "Upvotes" = "Upvotes" WHERE "Id" = {0}""", [id], ct);
            var stored = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Upvotes, a.Downvotes, a.PublishedAt }).FirstOrDefaultAsync(ct);
            if (stored is null) continue;
            var up = await db.ArticleVotes.CountAsync(v => v.ArticleId == id && v.Value == 1, ct);
            var down = await db.ArticleVotes.CountAsync(v => v.ArticleId == id && v.Value == -1, ct);
            if ((up, down) != (stored.Upvotes, stored.Downvotes))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var divisor = Hotness.AgeDivisor(now - (stored.PublishedAt ?? now));
                await db.Database.ExecuteSqlRawAsync(RepairSql, [id, up, down, divisor], ct);
                await RankingRefresh.RunAsync(db, [id], now, ct);
                log.LogWarning("Vote counts of article {ArticleId} were {StoredUp} up / {StoredDown} down; the rows say {Up} / {Down}: repaired",
                    id, stored.Upvotes, stored.Downvotes, up, down);
                repaired++;
            }
            await tx.CommitAsync(ct);
        }
        return repaired;
    }

    /// <summary>
    /// One bounded pass: the articles voted on since the last pass (at most <paramref name="recent"/>),
    /// then the next <paramref name="rolling"/> articles by id after a cursor that wraps around,
    /// so over time every article is checked, however large the archive.
    /// </summary>
    public async Task<int> PassAsync(BroadsheetDb db, int recent, int rolling, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var id in touched.Keys.Take(recent))
            if (touched.TryRemove(id, out _)) ids.Add(id);
        var from = Volatile.Read(ref cursor);
        var next = await db.Articles.Where(a => a.Id > from).OrderBy(a => a.Id).Select(a => a.Id).Take(rolling).ToListAsync(ct);
        if (rolling > 0) Volatile.Write(ref cursor, next.Count < rolling ? 0 : next[^1]);
        ids.AddRange(next);
        return await CheckAsync(db, ids, ct);
    }

    /// <summary>Every article, in chunks by id: the operator's `votes reconcile`.</summary>
    public async Task<(int Checked, int Repaired)> AllAsync(BroadsheetDb db, CancellationToken ct)
    {
        int from = 0, total = 0, repaired = 0;
        while (true)
        {
            var chunk = await db.Articles.Where(a => a.Id > from).OrderBy(a => a.Id).Select(a => a.Id).Take(500).ToListAsync(ct);
            if (chunk.Count == 0) return (total, repaired);
            repaired += await CheckAsync(db, chunk, ct);
            total += chunk.Count;
            from = chunk[^1];
        }
    }
}

/// <summary>Runs a bounded reconciliation pass every Votes:ReconcileSeconds (300 by default) on each instance.</summary>
internal sealed class VoteReconciliationPass(IServiceScopeFactory scopes, VoteReconciliation reconciliation, IConfiguration config, TimeProvider clock, ILogger<VoteReconciliationPass> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Votes:ReconcileSeconds", 300.0)));
        var recent = Math.Max(0, config.GetValue("Votes:ReconcileRecent", 500));
        var rolling = Math.Max(0, config.GetValue("Votes:ReconcileRolling", 200));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await reconciliation.PassAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), recent, rolling, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A database hiccup skips one pass; the next tick tries again.
                log.LogWarning(ex, "Vote reconciliation skipped a pass");
            }
        }
    }
}
