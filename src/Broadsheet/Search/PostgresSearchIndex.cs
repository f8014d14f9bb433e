using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Broadsheet.Search;

/// <summary>PostgreSQL: the stored tsvector "SearchVector" on Articles (see the SearchIndex migration), ranked by ts_rank_cd.</summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        var where = new StringBuilder("""
            FROM "Articles" a, websearch_to_tsquery('english', @q) query
            WHERE a."SearchVector" @@ query
              AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= @now
            """);
        SearchSql.AppendFilters(where, request.Filters);
        var order = request.Sort == SearchSort.Newest ? """a."PublishedAt" DESC, a."Id" DESC""" : """score DESC, a."Id" DESC""";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var count = SearchSql.Command(connection, $"SELECT COUNT(*) {where}", request, request.Query.ToWebSearch());
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0);

            // Rank first, then build headlines for the one page only: ts_headline re-parses the text.
            await using var page = SearchSql.Command(connection, $"""
                WITH ranked AS (
                    SELECT a."Id", a."BodyText", query,
                           ts_rank_cd(a."SearchVector", query) / (1.0 + extract(epoch FROM (@now - a."PublishedAt")) / 86400.0 / {SearchIndex.RecencyDays}) AS score,
                           a."PublishedAt"
                    {where}
                    ORDER BY {order}
                    LIMIT @take OFFSET @skip)
                SELECT a."Id", a.score,
                       ts_headline('english', a."BodyText", a.query,
                           'StartSel={SearchIndex.MarkStart}, StopSel={SearchIndex.MarkEnd}, MaxWords=32, MinWords=16, MaxFragments=1, FragmentDelimiter=…')
                FROM ranked a
                ORDER BY {order}
                """, request, request.Query.ToWebSearch());
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SearchSql.InBatchesAsync(db, progress, (lo, hi) => db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "Articles" SET "SearchVector" = broadsheet_search_vector("Id", "Title", "Standfirst", "BodyText", "CategoryId", "AuthorId")
            WHERE "Id" BETWEEN {0} AND {1}
            """, [lo, hi], ct), ct);
        await tx.CommitAsync(ct);
    }
}
