using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Search;

/// <summary>PostgreSQL: the stored tsvector "SearchVector" on Articles (see the SearchIndex migration), ranked by ts_rank_cd.</summary>
public sealed class PostgresSearchIndex(IOptions<SearchOptions> options) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        var where = """
            FROM "Articles" a, websearch_to_tsquery(broadsheet_search_language(), @q) query
            WHERE a."SearchVector" @@ query
            """ + SearchSql.LiveAndFilters(request.Filters);
        var order = SearchSql.OrderBy(request.Sort);

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
                       ts_headline(broadsheet_search_language(), a."BodyText", a.query,
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

    public Task PauseAsync(BroadsheetDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT set_config('broadsheet.search_paused', 'on', true)", ct);

    public async Task IndexRangeAndResumeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct)
    {
        await IndexRangeAsync(db, lo, hi, ct);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('broadsheet.search_paused', 'off', true)", ct);
    }

    private static Task IndexRangeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "Articles" SET "SearchVector" = broadsheet_search_vector("Id", "Title", "Standfirst", "BodyText", "CategoryId", "AuthorId")
            WHERE "Id" BETWEEN {0} AND {1}
            """, [lo, hi], ct);

    public async Task<string> IndexedLanguageAsync(BroadsheetDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("""SELECT broadsheet_search_language()::text AS "Value" """).SingleAsync(ct);

    public async Task RebuildAsync(BroadsheetDb db, IProgress<int>? progress, CancellationToken ct)
    {
        var language = options.Value.NormalizedLanguage;
        var known = await db.Database.SqlQuery<int>($"""SELECT COUNT(*)::int AS "Value" FROM pg_ts_config WHERE cfgname = {language}""").SingleAsync(ct);
        if (known == 0)
            throw new InvalidOperationException($"PostgreSQL has no text search configuration named '{language}' (Search:Language). Try english, simple, german, french, spanish...");
        await SearchSql.FillPlainTextAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""UPDATE "SearchSettings" SET "Language" = {language}::regconfig WHERE "Id" = 1""", ct);
        await SearchSql.InBatchesAsync(db, progress, (lo, hi) => IndexRangeAsync(db, lo, hi, ct), ct);
        await tx.CommitAsync(ct);
    }
}
