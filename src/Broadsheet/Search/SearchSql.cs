using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Text;

namespace Broadsheet.Search;

/// <summary>The SQL the two indexes share: filters, parameters, reading hits, batching a rebuild.</summary>
internal static class SearchSql
{
    private const int RebuildBatch = 5_000;

    /// <summary>
    /// The conditions every search adds after its match, on the article aliased "a": the
    /// reader-side definition of live (as <c>ArticleQueries.Live</c>), then the reader's filters.
    /// </summary>
    public static string LiveAndFilters(SearchFilters filters)
    {
        var where = new StringBuilder("""
             AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= @now
            """);
        AppendFilters(where, filters);
        return where.ToString();
    }

    /// <summary>Counts the matches up to one past the cap: a common word stops counting at 10,001.</summary>
    public static string CappedCount(string fromWhere) =>
        $"SELECT COUNT(*) FROM (SELECT 1 {fromWhere} LIMIT {SearchIndex.CountCap + 1}) capped";

    public static string OrderBy(SearchSort sort) =>
        sort == SearchSort.Newest ? """a."PublishedAt" DESC, a."Id" DESC""" : """score DESC, a."Id" DESC""";

    private static void AppendFilters(StringBuilder where, SearchFilters f)
    {
        if (f.CategoryId is not null) where.Append(""" AND a."CategoryId" = @category""");
        if (f.AuthorId is not null) where.Append(""" AND a."AuthorId" = @author""");
        if (f.TagId is not null) where.Append(""" AND EXISTS (SELECT 1 FROM "ArticleTags" x WHERE x."ArticleId" = a."Id" AND x."TagId" = @tag)""");
        if (f.From is not null) where.Append(""" AND a."PublishedAt" >= @from""");
        if (f.To is not null) where.Append(""" AND a."PublishedAt" < @to""");
    }

    public static DbCommand Command(DbConnection connection, string sql, SearchRequest request, string match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("q", match);
        command.AddParameter("now", request.Now);
        command.AddParameter("take", request.Take);
        command.AddParameter("skip", request.Skip);
        var f = request.Filters;
        if (f.CategoryId is { } category) command.AddParameter("category", category);
        if (f.AuthorId is { } author) command.AddParameter("author", author);
        if (f.TagId is { } tag) command.AddParameter("tag", tag);
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

    public static async Task InBatchesAsync(BroadsheetDb db, IProgress<int>? progress, Func<int, int, Task> batch, CancellationToken ct)
    {
        var maxId = await db.Articles.MaxAsync(a => (int?)a.Id, ct) ?? 0;
        var total = await db.Articles.CountAsync(ct);
        var done = 0;
        for (var lo = 1; lo <= maxId; lo += RebuildBatch)
        {
            var hi = lo + RebuildBatch - 1;
            await batch(lo, hi);
            done += await db.Articles.CountAsync(a => a.Id >= lo && a.Id <= hi, ct);
            progress?.Report(Math.Min(done, total));
        }
    }
}
