using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Text;

namespace Broadsheet.Views;

/// <summary>
/// Writes buffered views about once a second. Each flush, in one transaction: inserts the
/// (article, day, reader) rows that are new (ON CONFLICT DO NOTHING ... RETURNING gives back only
/// those, which is the dedupe across instances), then adds their number to the article's total
/// and to its per-day row, and the counted views' referring domains to ReferrerDaily. Additive updates, so N instances can flush side by side. A failed
/// flush puts its views back for the next tick; stopping the host flushes what is left.
/// </summary>
public sealed class ViewFlusher(ViewBuffer buffer, DailySalts salts, IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config,
    ILogger<ViewFlusher> log) : BackgroundService
{
    private const int RowsPerStatement = 500;
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateOnly lastSweep;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMilliseconds(Math.Max(50, config.GetValue("Views:FlushMilliseconds", 1000)));
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            // Today's salt is read (or made) here, so the first reader after a start does not wait
            // for that database write before their page is complete. Counting still waits if this fails.
            try { await salts.TodayAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Could not read today's salt yet"); }
            // Only the wait is cancelled at shutdown, never a write under way: StopAsync then
            // flushes what is left, after this loop has finished its last write.
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Graceful shutdown: nothing counted is left behind in memory. The host's shutdown
        // timeout bounds this write, so an unreachable database cannot hold the process.
        try { await FlushAsync(cancellationToken); }
        catch (OperationCanceledException) { }
        if (buffer.Count > 0) log.LogError("{Count} views could not be written before the app stopped", buffer.Count);
    }

    /// <summary>
    /// Writes everything buffered now; returns the number of new (counted) views. Views taken
    /// for a write that fails or is cancelled go back to the buffer, so none is lost in between.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        await gate.WaitAsync(CancellationToken.None); // held only for one write; a cancelled wait would gain nothing
        try
        {
            if (buffer.TakeDropped() is > 0 and var dropped)
                log.LogWarning("View buffer was full: {Dropped} views were not counted", dropped);
            var views = buffer.Drain();
            if (views.Count == 0) return 0;
            try
            {
                var started = clock.GetTimestamp();
                var counted = await WriteAsync(views, ct);
                log.LogDebug("Flushed {Views} views ({Counted} new) in {Milliseconds:0} ms", views.Count, counted, clock.GetElapsedTime(started).TotalMilliseconds);
                return counted;
            }
            catch (Exception ex)
            {
                buffer.Restore(views);
                if (ex is OperationCanceledException) throw;
                log.LogWarning(ex, "Could not write {Count} views; they wait for the next flush", views.Count);
                return 0;
            }
        }
        finally { gate.Release(); }
    }

    private async Task<int> WriteAsync(IReadOnlyCollection<PendingView> views, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        string[] slugs = [.. views.Select(v => v.Slug).Distinct()];
        var ids = await db.Articles.Where(a => slugs.Contains(a.Slug)).Select(a => new { a.Slug, a.Id }).ToDictionaryAsync(a => a.Slug, a => a.Id, ct);
        var rows = views.Where(v => ids.ContainsKey(v.Slug)).Select(v => (ArticleId: ids[v.Slug], v.Day, v.Reader)).ToList();
        var referrers = views.Where(v => v.Referrer is not null && ids.ContainsKey(v.Slug))
            .ToDictionary(v => (ids[v.Slug], v.Day, v.Reader), v => v.Referrer!);

        var added = new Dictionary<(int ArticleId, DateOnly Day), long>();
        var referred = new Dictionary<(int ArticleId, DateOnly Day, string Domain), long>();
        using (await db.WriteGateAsync(ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var group in rows.GroupBy(r => (r.ArticleId, r.Day)))
            // In key order: the inserts then walk the primary-key index once, page by page, instead
            // of touching a random page per reader (measured: half the cost of a spike's flush).
            foreach (var chunk in group.Select(r => r.Reader).Order().Chunk(RowsPerStatement))
                foreach (var row in await InsertNewViewersAsync(db, group.Key.ArticleId, group.Key.Day, chunk, ct))
                {
                    added[(row.ArticleId, row.Day)] = added.GetValueOrDefault((row.ArticleId, row.Day)) + 1;
                    // Only a view that counted (a new viewer row) counts for its referrer.
                    if (referrers.GetValueOrDefault((row.ArticleId, row.Day, row.Reader)) is { } domain)
                        referred[(row.ArticleId, row.Day, domain)] = referred.GetValueOrDefault((row.ArticleId, row.Day, domain)) + 1;
                }
            foreach (var ((articleId, day), n) in added)
            {
                await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "ViewCount" = "ViewCount" + {0} WHERE "Id" = {1}""", [n, articleId], ct);
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "ArticleDailyViews" ("ArticleId", "Day", "Views") VALUES ({0}, {1}, {2})
                    ON CONFLICT ("ArticleId", "Day") DO UPDATE SET "Views" = "ArticleDailyViews"."Views" + excluded."Views"
                    """, [articleId, day, n], ct);
            }
            foreach (var chunk in referred.Chunk(RowsPerStatement))
                await AddReferrersAsync(db, chunk, ct);
            await tx.CommitAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int[] flushed = [.. added.Keys.Select(k => k.ArticleId).Distinct()];
        foreach (var listener in scope.ServiceProvider.GetServices<ICountersFlushed>())
            await listener.CountersFlushedAsync(db, flushed, now, ct);
        await SweepAsync(db, DateOnly.FromDateTime(now), ct);
        return (int)added.Values.Sum();
    }

    /// <summary>
    /// Inserts one article-day's readers, returning those that were new. Plain ADO.NET on the
    /// context's connection and transaction: during a spike this runs for every distinct reader,
    /// and going through EF's raw-SQL pipeline (a parameter triple per row) made the flush the
    /// bottleneck. The SQL is the same on SQLite and PostgreSQL.
    /// </summary>
    private static async Task<List<NewViewer>> InsertNewViewersAsync(BroadsheetDb db, int articleId, DateOnly day, long[] readers, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder("""INSERT INTO "ArticleViewers" ("ArticleId", "Day", "Reader") VALUES """);
        command.AddParameter("a", articleId);
        command.AddParameter("d", day);
        for (var i = 0; i < readers.Length; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("(@a, @d, @r").Append(i).Append(')');
            command.AddParameter($"r{i}", readers[i]);
        }
        command.CommandText = sql.Append(""" ON CONFLICT DO NOTHING RETURNING "Reader" """).ToString();
        var added = new List<NewViewer>(readers.Length);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) added.Add(new NewViewer(articleId, day, reader.GetInt64(0)));
        return added;
    }

    /// <summary>Adds referred views per (article, day, domain); keys are unique within a chunk, as PostgreSQL's ON CONFLICT DO UPDATE requires.</summary>
    private static Task AddReferrersAsync(BroadsheetDb db, KeyValuePair<(int ArticleId, DateOnly Day, string Domain), long>[] chunk, CancellationToken ct)
    {
        var sql = new StringBuilder("""INSERT INTO "ReferrerDaily" ("ArticleId", "Day", "Domain", "Views") VALUES """);
        var args = new object[chunk.Length * 4];
        for (var i = 0; i < chunk.Length; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append($"({{{4 * i}}}, {{{4 * i + 1}}}, {{{4 * i + 2}}}, {{{4 * i + 3}}})");
            var ((articleId, day, domain), n) = chunk[i];
            (args[4 * i], args[4 * i + 1], args[4 * i + 2], args[4 * i + 3]) = (articleId, day, domain, n);
        }
        sql.Append(""" ON CONFLICT ("ArticleId", "Day", "Domain") DO UPDATE SET "Views" = "ReferrerDaily"."Views" + excluded."Views" """);
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    /// <summary>Once a day: yesterday's "who was counted" rows are no longer needed, and would only link readers to reading.</summary>
    private async Task SweepAsync(BroadsheetDb db, DateOnly today, CancellationToken ct)
    {
        if (lastSweep == today) return;
        var yesterday = today.AddDays(-1);
        await db.ArticleViewers.Where(v => v.Day < yesterday).ExecuteDeleteAsync(ct);
        buffer.ForgetBefore(today);
        lastSweep = today;
    }
}

/// <summary>A row the flush inserted (RETURNING gives back only new ones).</summary>
public sealed record NewViewer(int ArticleId, DateOnly Day, long Reader);
