using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace Broadsheet.Search;

/// <summary>The SQL the two indexes share: the capped count, parameters, reading hits, batching a rebuild.</summary>
internal static class SearchSql
{
    private const int RebuildBatch = 5_000;

    /// <summary>Counts the matches up to one past the cap: a common word stops counting at 10,001.</summary>
    public static string CappedCount(string fromWhere, int cap = SearchIndex.CountCap) =>
        $"SELECT COUNT(*) FROM (SELECT 1 {fromWhere} LIMIT {cap + 1}) capped";

    public static DbCommand Command(DbConnection connection, string sql, SearchRequest request, string match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("q", match);
        command.AddParameter("now", request.Now);
        command.AddParameter("take", request.Take);
        command.AddParameter("skip", request.Skip);
        var f = request.Filters;
        if (f.From is { } from) command.AddParameter("from", from);
        if (f.To is { } to) command.AddParameter("to", to);
        return command;
    }

    public static async Task<List<SearchHit>> ReadHitsAsync(DbCommand command, CancellationToken ct)
    {
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new SearchHit(reader.GetInt32(0), reader.GetDouble(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        return hits;
    }

    /// <summary>Articles saved before the plain-text column existed get it now, so their bodies are searchable.</summary>
    public static async Task FillPlainTextAsync(BroadsheetDb db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Articles.Where(a => a.BodyText == "" && a.BodyMarkdown != "").Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var a in batch) a.BodyText = ArticleBody.ToPlainText(a.BodyMarkdown);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The id ranges of a rebuild's batches, lowest first.</summary>
    public static async Task<List<(int Lo, int Hi)>> BatchRangesAsync(BroadsheetDb db, CancellationToken ct)
    {
        var maxId = await db.Articles.MaxAsync(a => (int?)a.Id, ct) ?? 0;
        var ranges = new List<(int, int)>();
        for (var lo = 1; lo <= maxId; lo += RebuildBatch) ranges.Add((lo, lo + RebuildBatch - 1));
        return ranges;
    }

    public static async Task InBatchesAsync(BroadsheetDb db, IProgress<int>? progress, Func<int, int, Task> batch, CancellationToken ct)
    {
        var ranges = await BatchRangesAsync(db, ct);
        var total = await db.Articles.CountAsync(ct);
        var done = 0;
        foreach (var (lo, hi) in ranges)
        {
            await batch(lo, hi);
            done += await db.Articles.CountAsync(a => a.Id >= lo && a.Id <= hi, ct);
            progress?.Report(Math.Min(done, total));
        }
    }
}
