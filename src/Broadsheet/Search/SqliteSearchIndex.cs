using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Search;

/// <summary>SQLite: the FTS5 table "ArticleSearch" (see the SearchIndex migration), ranked by bm25.</summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    // Column weights for bm25, in the table's column order: title, standfirst, body, tags, category, author.
    private const string Rank = """(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0))""";
    private const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\"";

    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        var where = new StringBuilder("""
            FROM "ArticleSearch" JOIN "Articles" a ON a."Id" = "ArticleSearch".rowid
            WHERE "ArticleSearch" MATCH @q
              AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= @now
            """);
        SearchSql.AppendFilters(where, request.Filters);
        var order = request.Sort == SearchSort.Newest ? """a."PublishedAt" DESC, a."Id" DESC""" : """score DESC, a."Id" DESC""";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var count = SearchSql.Command(connection, $"SELECT COUNT(*) {where}", request, request.Query.ToFts5());
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0);

            await using var page = SearchSql.Command(connection, $"""
                SELECT a."Id",
                       {Rank} / (1.0 + (julianday(@now) - julianday(a."PublishedAt")) / {SearchIndex.RecencyDays}) AS score,
                       snippet("ArticleSearch", 2, char({(int)SearchIndex.MarkStart}), char({(int)SearchIndex.MarkEnd}), '…', 28)
                {where}
                ORDER BY {order}
                LIMIT @take OFFSET @skip
                """, request, request.Query.ToFts5());
            return new SearchResults(await SearchSql.ReadHitsAsync(page, ct), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task RebuildAsync(BroadsheetDb db, IProgress<int>? progress, CancellationToken ct)
    {
        await SearchSql.FillPlainTextAsync(db, ct);
        // One transaction: readers see the old index until the new one is complete.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES('delete-all')""", ct);
        await SearchSql.InBatchesAsync(db, progress, (lo, hi) => db.Database.ExecuteSqlRawAsync(
            $$"""INSERT INTO "ArticleSearch"(rowid, {{Columns}}) SELECT "Id", {{Columns}} FROM "ArticleSearchSource" WHERE "Id" BETWEEN {0} AND {1}""",
            [lo, hi], ct), ct);
        await tx.CommitAsync(ct);
    }
}
