using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Data.Common;

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

    // Column weights for bm25, in the table's column order: title, standfirst, body, tags, category,
    // author, and the filter tokens, which are never a reader's words and weigh nothing.
    private const string Rank = """(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0, 0.0))""";
    private const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\", \"Filters\"";
    // What a reader's words may match: every column but the filter tokens ("c12" is a section's key).
    private const string ReaderColumns = "{Title Standfirst BodyText Tags Category Author}";
    // The title candidates: a common word is in a seventh of the titles but in nearly half of
    // the title, standfirst, tags, section and byline columns together (3.4k and 11k of 25k for
    // "council" at 100k articles), so the title alone keeps the set small.
    private const string HeadlineColumns = "{Title}";

    /// <summary>
    /// How much one query may do: where the count stops, how many of the newest matches and of the
    /// newest title matches are scored. Whether it builds snippets is the request's (<see cref="SearchRequest.Snippets"/>).
    /// </summary>
    private sealed record Bounds(int CountCap, int Newest, int Titles);

    private static readonly Bounds PageBounds = new(SearchIndex.CountCap, SearchIndex.Candidates, SearchIndex.Candidates);

    // The overlay shows 5 and asks on every keystroke: it scores the 100 newest matches and the 100
    // newest title matches (a fifth of the page's candidates), builds no snippets, and counts to 101
    // ("See all 100+ results"). Its 5 are the page's first 5 unless one of those is older than
    // 100 newer title matches and 100 newer matches.
    private static readonly Bounds SuggestBounds = new(CountCap: 100, Newest: 100, Titles: 100);

    public Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct) =>
        RunAsync(db, request, PageBounds, ct);

    public Task<SearchResults> SuggestAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct) =>
        RunAsync(db, request with { Sort = SearchSort.Relevance }, SuggestBounds, ct);

    private static async Task<SearchResults> RunAsync(BroadsheetDb db, SearchRequest request, Bounds bounds, CancellationToken ct)
    {
        if (request.Query.IsEmpty) return new SearchResults([], 0, bounds.CountCap);
        // The index holds published and scheduled stories only, in publish order (see the
        // SearchLiveIndex migration), so nothing here reads an article row: "due" and the dates
        // are rowid ranges, section, author and tag are terms of the match. Stories of the current
        // second are checked against their exact time in ArticleSearchKeys.
        var due = """
            AND rowid < @dueKey
            AND (rowid < @secondKey OR EXISTS (SELECT 1 FROM "ArticleSearchKeys" k WHERE k."Key" = "ArticleSearch".rowid AND k."PublishedAt" <= @now))
            """ + SqliteSearchKey.DateRange(request.Filters);
        var where = $"""FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @q {due}""";
        var score = $"""{Rank} / (1.0 + (@nowSeconds - (rowid >> {SqliteSearchKey.IdBits})) / 86400.0 / {SearchIndex.RecencyDays})""";
        var filters = SqliteSearchKey.FilterTerms(request.Filters);
        var match = $"{ReaderColumns} : ({request.Query.ToFts5()}){filters}";
        var headline = $"{HeadlineColumns} : ({request.Query.ToFts5(withExclusions: false)}){filters}";
        var id = $"(rowid & {SqliteSearchKey.IdMask})";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            DbCommand Command(string sql)
            {
                var command = SearchSql.Command(connection, sql, request, match);
                command.AddParameter("headline", headline);
                SqliteSearchKey.AddParameters(command, request);
                return command;
            }
            await using var count = Command(SearchSql.CappedCount(where, bounds.CountCap));
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            if (total == 0) return new SearchResults([], 0, bounds.CountCap);

            // Newest walks the index backwards from "now" and stops at the page: no sort, no join.
            // Relevance ranks a bounded candidate set: the newest matches and the newest title
            // matches, each found by walking the index backwards with no score, then scored once,
            // together. bm25 costs ~3 µs a row, so the calls are the cost: before, the best 500 of
            // the newest 1,000 title matches were picked by a title-only bm25 and then scored again.
            // In the seeded 100k, this set's best 500 equal those of scoring that whole window with
            // the real score, for every query of bench/search.sh, and the first pages are unchanged.
            // The unary + keeps the candidate list out of FTS5's plan: given "rowid IN (…)", FTS5
            // re-runs the match once per candidate (0.9 s of CPU for "council"), instead of once.
            // The oldest candidate's key bounds that one walk (FTS5 takes rowid ranges itself):
            // a common word's older matches, most of its doclist, are never read or checked.
            var sql = request.Sort == SearchSort.Newest
                ? $"""
                    SELECT rowid, 0.0, NULL {where}
                    ORDER BY rowid DESC
                    LIMIT @take OFFSET @skip
                    """
                : $"""
                    WITH candidates("Key") AS (
                        SELECT "Key" FROM (SELECT rowid AS "Key" {where} ORDER BY rowid DESC LIMIT {bounds.Newest})
                        UNION
                        SELECT "Key" FROM (SELECT rowid AS "Key" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @headline {due}
                            ORDER BY rowid DESC LIMIT {bounds.Titles}))
                    SELECT rowid, {score} AS score, NULL
                    {where} AND rowid >= (SELECT min("Key") FROM candidates) AND +rowid IN (SELECT "Key" FROM candidates)
                    ORDER BY score DESC, {id} DESC
                    LIMIT @take OFFSET @skip
                    """;
            await using var page = Command(sql);
            var ranked = new List<(long Key, double Score)>();
            await using (var reader = await page.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
            if (ranked.Count == 0) return new SearchResults([], total, bounds.CountCap);
            if (!request.Snippets)
                return new SearchResults(ranked.Select(h => new SearchHit(SqliteSearchKey.ArticleId(h.Key), h.Score, "")).ToList(), total, bounds.CountCap);

            // Snippets for this page only: inside an ORDER BY, SQLite would build one for every match.
            var keys = string.Join(',', ranked.Select(h => h.Key));
            await using var snippets = Command($"""
                SELECT rowid, snippet("ArticleSearch", 2, char({(int)SearchIndex.MarkStart}), char({(int)SearchIndex.MarkEnd}), '…', 28)
                FROM "ArticleSearch" WHERE "ArticleSearch" MATCH @q AND rowid IN ({keys})
                """);
            var text = new Dictionary<long, string>();
            await using (var reader = await snippets.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) text[reader.GetInt64(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            return new SearchResults(ranked.Select(h => new SearchHit(SqliteSearchKey.ArticleId(h.Key), h.Score, text.GetValueOrDefault(h.Key, ""))).ToList(), total, bounds.CountCap);
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

    // As the triggers of the SearchLiveIndex migration add a story: its key if it is public, then its text.
    private static Task AddRangeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "ArticleSearchKeys"("Key", "ArticleId", "PublishedAt")
            SELECT {{SqliteSearchKey.KeyOfA}}, a."Id", a."PublishedAt" FROM "Articles" a
            WHERE a."Id" BETWEEN {0} AND {1} AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL;
            INSERT INTO "ArticleSearch"(rowid, {{Columns}}) SELECT "Key", {{Columns}} FROM "ArticleSearchSource" WHERE "ArticleId" BETWEEN {0} AND {1};
            """,
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
                    content='ArticleSearchSource', content_rowid='Key', tokenize='{tokenizer}')
                """;
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES('delete-all')""", ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearchKeys" """, ct);
        await SearchSql.InBatchesAsync(db, progress, (lo, hi) => AddRangeAsync(db, lo, hi, ct), ct);
        await tx.CommitAsync(ct);
    }
}
