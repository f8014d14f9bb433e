using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Search;

/// <summary>SQLite: the FTS5 table "ArticleSearch" (see the SearchIndex migration), ranked by bm25.</summary>
public sealed class SqliteSearchIndex(IOptions<SearchOptions> options) : ISearchIndex
{
    // FTS5 ships one stemmer, Porter's, for English; "simple" indexes words as written.
    private static readonly Dictionary<string, string> Tokenizers = new()
    {
        ["english"] = "porter unicode61 remove_diacritics 2",
        ["simple"] = "unicode61 remove_diacritics 2",
    };

    // Column weights for bm25, in the table's column order: title, standfirst, body, tags, category, author.
    private const string Rank = """(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0))""";
    // The title candidates: a common word is in a seventh of the titles but in nearly half of
    // the title, standfirst, tags, section and byline columns together (3.4k and 11k of 25k for
    // "council" at 100k articles), so the title alone keeps the set small.
    private const string HeadlineColumns = "Title";
    private const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\"";

    public async Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0);
        // CROSS JOIN fixes the join order: the full-text match drives, and filters apply to its rows.
        // Otherwise SQLite may walk a filter's index and re-run the match for every article.
        // INDEXED BY makes the per-match check read the small covering index, not the article row.
        const string From = """
            FROM "ArticleSearch" CROSS JOIN "Articles" a INDEXED BY "IX_Articles_SearchFilter" ON a."Id" = "ArticleSearch".rowid
            """;
        var live = SearchSql.LiveAndFilters(request.Filters);
        var where = $"""{From} WHERE "ArticleSearch" MATCH @q {live}""";
        var score = $"""{Rank} / (1.0 + (julianday(@now) - julianday(a."PublishedAt")) / {SearchIndex.RecencyDays})""";
        var match = request.Query.ToFts5();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var count = SearchSql.Command(connection, SearchSql.CappedCount(where), request, match);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0);

            // The unary + keeps the candidate list out of FTS5's plan: given "rowid IN (…)", FTS5
            // re-runs the match once per candidate (0.9 s of CPU for "council"), instead of once.
            // Newest is exact over every match; relevance ranks a bounded candidate set: the newest
            // matches and the best title matches (FTS5's column filter on the same index).
            var sql = request.Sort == SearchSort.Newest
                ? $"""
                    SELECT a."Id", 0.0, NULL {where}
                    ORDER BY a."PublishedAt" DESC, a."Id" DESC
                    LIMIT @take OFFSET @skip
                    """
                : $"""
                    WITH candidates("Id") AS (
                        SELECT "Id" FROM (SELECT a."Id" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT {SearchIndex.Candidates})
                        UNION
                        SELECT "Id" FROM (SELECT a."Id" {From} WHERE "ArticleSearch" MATCH @headline {live} ORDER BY {score} DESC LIMIT {SearchIndex.Candidates}))
                    SELECT a."Id", {score} AS score, NULL
                    {From} WHERE "ArticleSearch" MATCH @q AND +"ArticleSearch".rowid IN (SELECT "Id" FROM candidates)
                    ORDER BY score DESC, a."Id" DESC
                    LIMIT @take OFFSET @skip
                    """;
            await using var page = SearchSql.Command(connection, sql, request, match);
            page.AddParameter("headline", $"{{{HeadlineColumns}}} : ({request.Query.ToFts5(withExclusions: false)})");
            var ranked = await SearchSql.ReadHitsAsync(page, ct);
            if (ranked.Count == 0) return new SearchResults([], total);

            // Snippets for this page only: inside an ORDER BY, SQLite would build one for every match.
            var ids = string.Join(',', ranked.Select(h => h.ArticleId));
            await using var snippets = SearchSql.Command(connection, $"""
                SELECT rowid, snippet("ArticleSearch", 2, char({(int)SearchIndex.MarkStart}), char({(int)SearchIndex.MarkEnd}), '…', 28)
                FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @q AND rowid IN ({ids})
                """, request, match);
            var text = new Dictionary<int, string>();
            await using (var reader = await snippets.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) text[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            return new SearchResults(ranked.Select(h => h with { Snippet = text.GetValueOrDefault(h.ArticleId, "") }).ToList(), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task PauseAsync(BroadsheetDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""INSERT OR IGNORE INTO "SearchIndexPause"("Id") VALUES (1)""", ct);

    public async Task IndexRangeAndResumeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct)
    {
        await AddRangeAsync(db, lo, hi, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchIndexPause" """, ct);
    }

    // FTS5 merges index segments as it goes; over a 100k-article load that merging costs more
    // than the inserts. Merge once at the end instead, then restore the default (4).
    public Task BeginBulkLoadAsync(BroadsheetDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES('automerge', 0)""", ct);

    public async Task EndBulkLoadAsync(BroadsheetDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES('automerge', 4)""", ct);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES('optimize')""", ct);
    }

    private static Task AddRangeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            $$"""INSERT INTO "ArticleSearch"(rowid, {{Columns}}) SELECT "Id", {{Columns}} FROM "ArticleSearchSource" WHERE "Id" BETWEEN {0} AND {1}""",
            [lo, hi], ct);

    public async Task<string> IndexedLanguageAsync(BroadsheetDb db, CancellationToken ct)
    {
        var sql = await db.Database.SqlQueryRaw<string>("""SELECT "sql" AS "Value" FROM sqlite_master WHERE "name" = 'ArticleSearch'""").SingleAsync(ct);
        return sql.Contains("porter", StringComparison.Ordinal) ? "english" : "simple";
    }

    public async Task RebuildAsync(BroadsheetDb db, IProgress<int>? progress, CancellationToken ct)
    {
        var language = options.Value.NormalizedLanguage;
        if (!Tokenizers.TryGetValue(language, out var tokenizer))
            throw new InvalidOperationException($"On SQLite, Search:Language must be english or simple, not '{language}'.");
        await SearchSql.FillPlainTextAsync(db, ct);
        var recreate = await IndexedLanguageAsync(db, ct) != language;
        // One transaction: readers see the old index until the new one is complete.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (recreate)
        {
            // The tokenizer is fixed when an FTS5 table is made; the triggers name the table, so they carry on.
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "ArticleSearch" """, ct);
            var create = $"""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5({Columns},
                    content='ArticleSearchSource', content_rowid='Id', tokenize='{tokenizer}')
                """;
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES('delete-all')""", ct);
        await SearchSql.InBatchesAsync(db, progress, (lo, hi) => AddRangeAsync(db, lo, hi, ct), ct);
        await tx.CommitAsync(ct);
    }
}
