using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Data.Common;
using System.Text;

namespace Broadsheet.Search;

/// <summary>
/// PostgreSQL: the narrow table "ArticleSearchLive" holds the public stories only, with their date,
/// filter lexemes and vectors (see the SearchLiveTable migration): "SearchVector" finds matches,
/// "TitleVector" the title candidates, and the small inline "HeadlineVector" ranks them by ts_rank_cd.
/// No query reads an article row except for the page's snippets.
/// </summary>
public sealed class PostgresSearchIndex(IOptions<SearchOptions> options, IServiceScopeFactory scopes) : ISearchIndex
{
    private const string Query = "websearch_to_tsquery(broadsheet_search_language(), @q) query";

    private static readonly string HeadlineOptions =
        $"'StartSel={SearchIndex.MarkStart}, StopSel={SearchIndex.MarkEnd}, MaxWords=32, MinWords=16, MaxFragments=1, FragmentDelimiter=…'";

    // ts_headline parses all it is given: the 20 bodies of a page (3,600 characters on average at
    // 100k generated articles) cost 14 ms of CPU, their first 1,200 characters 4 ms, and the opening
    // holds a match for 3 of 4 results (issue 17). The opening ends at a word's end, never inside one
    // (1,200 characters, then the rest of the word the limit fell in).
    private const string Opening = """left(a."BodyText", 1200) || substring(substr(a."BodyText", 1201, 40) from '^\S*')""";

    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        // Only public stories are in the table: "due by now" is a date range, as are the reader's dates.
        var due = LiveTableFilters(request.Filters);
        var where = $"""
            FROM "ArticleSearchLive" s, {Query}
            WHERE s."SearchVector" @@ query {due}
            """;
        var recency = $"""(1.0 + extract(epoch FROM (@now - s."PublishedAt")) / 86400.0 / {SearchIndex.RecencyDays})""";
        // Ranked on the small headline vector, with a constant for the body: every match has
        // matched the full vector, so a body match is worth the same everywhere (see SearchHeadline).
        var score = $"""(ts_rank_cd(s."HeadlineVector", query) + {SearchIndex.BodyWeight}) / {recency}""";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var match = request.Query.ToWebSearch();
            DbCommand Command(string sql)
            {
                var command = SearchSql.Command(connection, sql, request, match);
                if (FilterQuery(request.Filters) is { } filters) command.AddParameter("filters", filters);
                return command;
            }
            await using var count = Command(SearchSql.CappedCount(where));
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0);

            // Newest is exact over every match; relevance ranks a bounded candidate set, as on SQLite:
            // the newest matches, and the newest title matches, scored once together: scoring before the
            // title window's limit ranked all 4,000 "council" titles (35 ms at 100k articles).
            // (A page of 20 newest is a walk of the date index, checking as it goes, which the planner
            // picks by itself; the 500 newest candidates are not: see NewestCandidates.)
            var newest = NewestCandidates(due, request.Query);
            var ranked = request.Sort == SearchSort.Newest
                ? $"""
                    SELECT s."ArticleId" AS "Id", query, 0.0::float8 AS score, s."PublishedAt"
                    {where}
                    ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC
                    LIMIT @take OFFSET @skip
                    """
                : $"""
                    WITH candidates AS (
                        (SELECT n."ArticleId" FROM ({newest}) n ORDER BY n."PublishedAt" DESC, n."ArticleId" DESC LIMIT {SearchIndex.Candidates})
                        UNION
                        (SELECT s."ArticleId" {where} AND s."TitleVector" @@ query
                         ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC LIMIT {SearchIndex.TitleWindow}))
                    SELECT s."ArticleId" AS "Id", query, {score} AS score, s."PublishedAt"
                    FROM "ArticleSearchLive" s, {Query}
                    WHERE s."ArticleId" IN (SELECT "ArticleId" FROM candidates)
                    ORDER BY score DESC, s."ArticleId" DESC
                    LIMIT @take OFFSET @skip
                    """;
            var order = request.Sort == SearchSort.Newest ? """r."PublishedAt" DESC, r."Id" DESC""" : """r.score DESC, r."Id" DESC""";
            // Rank first, then build headlines for the one page only: ts_headline re-parses the text,
            // so it reads the body's opening first and the whole body only when the opening has no match.
            if (!request.Snippets)
            {
                await using var titles = Command($"""SELECT r."Id", r.score, '' FROM ({ranked}) r ORDER BY {order}""");
                return new SearchResults(await SearchSql.ReadHitsAsync(titles, ct), total);
            }
            await using var page = Command($"""
                WITH ranked AS ({ranked})
                SELECT r."Id", r.score,
                       CASE WHEN strpos(h.opening, '{SearchIndex.MarkStart}') > 0 THEN h.opening
                            ELSE ts_headline(broadsheet_search_language(), a."BodyText", r.query, {HeadlineOptions}) END
                FROM ranked r JOIN "Articles" a ON a."Id" = r."Id",
                     LATERAL (SELECT ts_headline(broadsheet_search_language(),
                         {Opening}, r.query, {HeadlineOptions}) AS opening) h
                ORDER BY {order}
                """);
            return new SearchResults(await SearchSql.ReadHitsAsync(page, ct), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The matches with their date, for the newest 500. A phrase is checked against each match's
    // positions, which live in its out-of-line vector: sorting every match first rechecked all of
    // them (18k detoasts, 133 ms of CPU for "chief executive" at 100k articles), and the planner
    // cannot tell a common phrase from a rare one (the query is a function of a parameter).
    // So a phrase's matches are found by its words alone (no recheck: the index answers), sorted by
    // date behind a fence (OFFSET 0), and the phrase is checked only as rows are read, newest first,
    // until 500 are found: ~550 checks for "chief executive" (38 ms for the page, not 115). The loose query only ever finds more (every
    // phrase becomes its words); an excluded phrase would make it find less, so it keeps the exact one.
    private static string NewestCandidates(string due, SearchQuery query)
    {
        if (!query.Required.Any(g => g.Any(t => t.IsPhrase)) || query.Excluded.Any(t => t.IsPhrase))
            return $"""SELECT s."ArticleId", s."PublishedAt", query FROM "ArticleSearchLive" s, {Query} WHERE s."SearchVector" @@ query {due}""";
        return $"""
            SELECT m."ArticleId", m."PublishedAt", m.query FROM (
                SELECT s."ArticleId", s."PublishedAt", s."SearchVector", query
                FROM "ArticleSearchLive" s, {Query}, {Loose}
                WHERE s."SearchVector" @@ loose {due}
                ORDER BY s."PublishedAt" DESC, s."ArticleId" DESC OFFSET 0) m
            WHERE m."SearchVector" @@ m.query
            """;
    }

    // The reader's query with every phrase operator (<->, <2>...) made an AND of its words. The
    // words are letters and digits only (SearchQuery), so no lexeme holds those characters.
    private const string Loose = "CAST(regexp_replace(query::text, '<[0-9]+>|<->', '&', 'g') AS tsquery) loose";

    // The table holds public stories only, so "live" is "due by now"; the section, author and tag
    // are lexemes of the Filters column, which a reader's words never reach.
    private static string LiveTableFilters(SearchFilters f)
    {
        var where = new StringBuilder(""" AND s."PublishedAt" <= @now""");
        if (FilterQuery(f) is not null) where.Append(""" AND s."Filters" @@ @filters::tsquery""");
        if (f.From is not null) where.Append(""" AND s."PublishedAt" >= @from""");
        if (f.To is not null) where.Append(""" AND s."PublishedAt" < @to""");
        return where.ToString();
    }

    // Built from ids only ("'c12' & 't45'"), so nothing a reader typed is in it.
    private static string? FilterQuery(SearchFilters f)
    {
        var terms = new List<string>();
        if (f.CategoryId is { } c) terms.Add($"'c{c}'");
        if (f.AuthorId is { } a) terms.Add($"'a{a}'");
        if (f.TagId is { } t) terms.Add($"'t{t}'");
        return terms.Count == 0 ? null : string.Join(" & ", terms);
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
        db.Database.ExecuteSqlRawAsync(string.Join('\n', GinIndexes.Select(i => $"""DROP INDEX IF EXISTS "{i.Name}";""")), ct);

    // The search table's GIN indexes (SearchLiveTable migration): dropped for a bulk load, built after it.
    private static readonly (string Name, string Column)[] GinIndexes =
    [
        ("IX_ArticleSearchLive_SearchVector", "SearchVector"),
        ("IX_ArticleSearchLive_TitleVector", "TitleVector"),
        ("IX_ArticleSearchLive_Filters", "Filters"),
    ];

    private static string CreateGinIndexes => Create(GinIndexes);

    private static string Create(IEnumerable<(string Name, string Column)> indexes) =>
        string.Join('\n', indexes.Select(i => $"""CREATE INDEX IF NOT EXISTS "{i.Name}" ON "ArticleSearchLive" USING GIN ("{i.Column}");"""));

    // Then fresh statistics give the first searches after a load the plans they need. The articles
    // are written once (COPY, no later UPDATE), so they only need their statistics; the search
    // table is vacuumed too, for its visibility map (the date index's index-only walks).
    public async Task EndBulkLoadAsync(BroadsheetDb db, CancellationToken ct)
    {
        // Building the indexes over 100k articles outlasts the 30 s command timeout on a busy machine.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try { await BuildIndexesAsync(db, ct); }
        finally { db.Database.SetCommandTimeout(timeout); }
    }

    // A GIN build gets no parallel workers (PostgreSQL 15), so the body's index is built on this
    // connection while the two small ones, then the articles' statistics, take another core.
    private async Task BuildIndexesAsync(BroadsheetDb db, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        other.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await Task.WhenAll(BuildAsync(db, GinIndexes[..1], "", ct), BuildAsync(other, GinIndexes[1..], """ANALYZE "Articles";""", ct));
        await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "ArticleSearchLive" """, ct);
    }

    // Names from the list above only: nothing outside this class is in the SQL.
    private static Task BuildAsync(BroadsheetDb db, IEnumerable<(string Name, string Column)> indexes, string then, CancellationToken ct)
    {
        var create = $"""
            SET maintenance_work_mem = '256MB';
            {Create(indexes)}
            RESET maintenance_work_mem;
            {then}
            """;
        return db.Database.ExecuteSqlRawAsync(create, ct);
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
        await db.Database.ExecuteSqlAsync($"""UPDATE "SearchSettings" SET "Language" = {language}::regconfig WHERE "Id" = 1""", ct);
        // Parsing the text is nearly all the cost (~0.55 ms of CPU per article at 3,600 characters),
        // so the batches run side by side, one connection per core, each batch its own transaction:
        // readers see each batch as it commits (a row is only rewritten when its vectors change, so
        // in an unchanged language nothing does); a reindex that stops half way can be run again.
        // One transaction over 100k articles took 110 s on one core (issue 17).
        var ranges = new System.Collections.Concurrent.ConcurrentQueue<(int Lo, int Hi)>(
            await SearchSql.BatchRangesAsync(db, ct));
        var total = await db.Articles.CountAsync(ct);
        var (done, gate) = (0, new object());
        async Task WorkAsync()
        {
            await using var scope = scopes.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            // A batch of 5,000 outlasted the 30 s command timeout on a loaded machine (load 90).
            other.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            while (ranges.TryDequeue(out var range))
            {
                await IndexRangeAsync(other, range.Lo, range.Hi, ct);
                var indexed = await other.Articles.CountAsync(a => a.Id >= range.Lo && a.Id <= range.Hi, ct);
                lock (gate) progress?.Report(Math.Min(done += indexed, total));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, db.BulkWriters).Select(_ => Task.Run(WorkAsync, ct)));
        // A seed that stopped half way leaves its GIN indexes dropped; a rebuild puts them back.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try { await db.Database.ExecuteSqlRawAsync(CreateGinIndexes, ct); }
        finally { db.Database.SetCommandTimeout(timeout); }
    }
}
