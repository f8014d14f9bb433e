using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Search;

/// <summary>
/// PostgreSQL: the stored tsvector "SearchVector" on Articles finds matches (see the SearchIndex
/// migration); the small "HeadlineVector" ranks them by ts_rank_cd (see the SearchHeadline migration).
/// </summary>
public sealed class PostgresSearchIndex(IOptions<SearchOptions> options) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        var live = SearchSql.LiveAndFilters(request.Filters);
        var where = $"""
            FROM "Articles" a, websearch_to_tsquery(broadsheet_search_language(), @q) query
            WHERE a."SearchVector" @@ query {live}
            """;
        var recency = $"""(1.0 + extract(epoch FROM (@now - a."PublishedAt")) / 86400.0 / {SearchIndex.RecencyDays})""";
        // Ranked on the small headline vector, with a constant for the body: every match has
        // matched the full vector, so a body match is worth the same everywhere (see SearchHeadline).
        var score = $"""(ts_rank_cd(a."HeadlineVector", query) + {SearchIndex.BodyWeight}) / {recency}""";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var match = request.Query.ToWebSearch();
            await using var count = SearchSql.Command(connection, SearchSql.CappedCount(where), request, match);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0);

            // Newest is exact over every match; relevance ranks a bounded candidate set: the newest
            // matches and the best headline matches (title, standfirst, tags, section, byline).
            var ranked = request.Sort == SearchSort.Newest
                ? $"""
                    SELECT a."Id", a."BodyText", query, 0.0::float8 AS score, a."PublishedAt"
                    {where}
                    ORDER BY a."PublishedAt" DESC, a."Id" DESC
                    LIMIT @take OFFSET @skip
                    """
                : $"""
                    WITH candidates AS (
                        (SELECT a."Id" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT {SearchIndex.Candidates})
                        UNION
                        (SELECT a."Id" {where} AND a."HeadlineVector" @@ query ORDER BY {score} DESC LIMIT {SearchIndex.Candidates}))
                    SELECT a."Id", a."BodyText", query, {score} AS score, a."PublishedAt"
                    FROM "Articles" a, websearch_to_tsquery(broadsheet_search_language(), @q) query
                    WHERE a."Id" IN (SELECT "Id" FROM candidates)
                    ORDER BY score DESC, a."Id" DESC
                    LIMIT @take OFFSET @skip
                    """;
            // Rank first, then build headlines for the one page only: ts_headline re-parses the text.
            await using var page = SearchSql.Command(connection, $"""
                WITH ranked AS ({ranked})
                SELECT a."Id", a.score,
                       ts_headline(broadsheet_search_language(), a."BodyText", a.query,
                           'StartSel={SearchIndex.MarkStart}, StopSel={SearchIndex.MarkEnd}, MaxWords=32, MinWords=16, MaxFragments=1, FragmentDelimiter=…')
                FROM ranked a
                ORDER BY {SearchSql.OrderBy(request.Sort)}
                """, request, match);
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
            """SELECT broadsheet_search_refresh(ARRAY(SELECT "Id" FROM "Articles" WHERE "Id" BETWEEN {0} AND {1}))""", [lo, hi], ct);

    // A GIN index takes rows one by one at about half the cost of computing their vectors; built
    // once at the end from sorted entries it costs a fraction of that. Searches during a bulk load
    // are slow (no index), which is why only the seed command calls this.
    public Task BeginBulkLoadAsync(BroadsheetDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            DROP INDEX IF EXISTS "IX_Articles_SearchVector";
            DROP INDEX IF EXISTS "IX_Articles_HeadlineVector";
            """, ct);

    // Then the seed's batches have left a dead row version behind each indexed article; clearing
    // them and refreshing the statistics gives the first searches after a load the plans they need.
    public async Task EndBulkLoadAsync(BroadsheetDb db, CancellationToken ct)
    {
        // Building the indexes over 100k articles outlasts the 30 s command timeout on a busy machine.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try { await BuildIndexesAsync(db, ct); }
        finally { db.Database.SetCommandTimeout(timeout); }
    }

    private static async Task BuildIndexesAsync(BroadsheetDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            SET maintenance_work_mem = '256MB';
            CREATE INDEX IF NOT EXISTS "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
            CREATE INDEX IF NOT EXISTS "IX_Articles_HeadlineVector" ON "Articles" USING GIN ("HeadlineVector");
            RESET maintenance_work_mem;
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "Articles" """, ct);
    }

    public async Task<string> IndexedLanguageAsync(BroadsheetDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("""SELECT broadsheet_search_language()::text AS "Value" """).SingleAsync(ct);

    public async Task RebuildAsync(BroadsheetDb db, IProgress<int>? progress, CancellationToken ct)
    {
        var language = options.Value.NormalizedLanguage;
        var known = await db.Database.SqlQuery<int>($"""SELECT COUNT(*)::int AS "Value" FROM pg_ts_config WHERE cfgname = {language}""").SingleAsync(ct);
        if (known == 0)
            throw new InvalidOperationException($"PostgreSQL has no text search configuration named '{language}' (Search:Language). Try english, simple, german, french, spanish...");
        await SearchSql.FillPlainTextAsync(db, ct);
        // A batch of 5,000 outlasted the 30 s command timeout on a loaded machine (load 90, at
        // 10,000 articles), which failed the whole reindex: each batch gets 30 minutes instead.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"""UPDATE "SearchSettings" SET "Language" = {language}::regconfig WHERE "Id" = 1""", ct);
            await SearchSql.InBatchesAsync(db, progress, (lo, hi) => IndexRangeAsync(db, lo, hi, ct), ct);
            await tx.CommitAsync(ct);
            // A seed that stopped half way leaves its GIN indexes dropped; a rebuild puts them back.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE INDEX IF NOT EXISTS "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                CREATE INDEX IF NOT EXISTS "IX_Articles_HeadlineVector" ON "Articles" USING GIN ("HeadlineVector");
                """, ct);
        }
        finally { db.Database.SetCommandTimeout(timeout); }
    }
}
