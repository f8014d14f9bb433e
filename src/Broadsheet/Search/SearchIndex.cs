using Broadsheet.Data;

namespace Broadsheet.Search;

public enum SearchSort { Relevance, Newest }

public sealed record SearchFilters(int? CategoryId = null, int? AuthorId = null, int? TagId = null, DateTime? From = null, DateTime? To = null);

/// <summary>One search. <paramref name="Snippets"/> false: the caller shows no snippet (the overlay), so an
/// index may leave them empty rather than parse the bodies for nothing.</summary>
public sealed record SearchRequest(SearchQuery Query, SearchFilters Filters, SearchSort Sort, int Skip, int Take, DateTime Now, bool Snippets = true);

/// <summary>One match: the article, its blended score, and a snippet with the matched words between
/// <see cref="SearchIndex.MarkStart"/> and <see cref="SearchIndex.MarkEnd"/> (plain text otherwise).</summary>
public sealed record SearchHit(int ArticleId, double Score, string Snippet);

/// <summary>The page of hits and the count of all matches, capped at <paramref name="Cap"/> + 1.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Cap = SearchIndex.CountCap);

/// <summary>
/// Full-text search over live articles. The one place with two implementations, because
/// SQLite (FTS5) and PostgreSQL (tsvector) index text in ways that share nothing but the idea.
/// Both rank the same way: relevance / (1 + age in days / <see cref="RecencyDays"/>), with
/// relevance from bm25 or ts_rank_cd weighting the title above the standfirst, the tags,
/// section and byline above the body.
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct);

    /// <summary>
    /// The overlay's few best matches by relevance, with no snippets. An index may answer from a
    /// smaller bounded set than the page's (and count to a lower cap, said in the results), since
    /// the overlay asks on every keystroke; by default it is the page's own path.
    /// </summary>
    Task<SearchResults> SuggestAsync(BroadsheetDb db, SearchRequest request, CancellationToken ct) => SearchAsync(db, request, ct);

    /// <summary>
    /// Rebuilds the whole index from the articles in the configured language; reports articles
    /// processed. An unsupported language is an <see cref="InvalidOperationException"/> before anything changes.
    /// </summary>
    Task RebuildAsync(BroadsheetDb db, IProgress<int>? progress, CancellationToken ct);

    /// <summary>
    /// For bulk loads, inside the caller's open transaction: stop per-row index upkeep, which
    /// would otherwise re-index an article once for each of its tags.
    /// </summary>
    Task PauseAsync(BroadsheetDb db, CancellationToken ct);

    /// <summary>In the same transaction: index the articles with ids from lo to hi, and resume upkeep.</summary>
    Task IndexRangeAndResumeAsync(BroadsheetDb db, int lo, int hi, CancellationToken ct);

    /// <summary>Before and after a whole bulk load: tuning that only pays off over many batches.</summary>
    Task BeginBulkLoadAsync(BroadsheetDb db, CancellationToken ct) => Task.CompletedTask;

    Task EndBulkLoadAsync(BroadsheetDb db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The language the index was last built with.</summary>
    Task<string> IndexedLanguageAsync(BroadsheetDb db, CancellationToken ct);
}

public static class SearchIndex
{
    /// <summary>After this many days a story needs twice the relevance to rank level with a fresh one.</summary>
    public const double RecencyDays = 30;

    /// <summary>Counts are exact up to this; past it a page says "10,000+" (the count stops there).</summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// Relevance ranks at most this many of the newest matches together with this many of the best
    /// headline matches (title, standfirst, tags, section, byline), so a common word costs the same
    /// as a rare one; paging by relevance ends after this many results (sort=newest goes on).
    /// </summary>
    public const int Candidates = 500;

    /// <summary>
    /// PostgreSQL: the title candidates are this many of the newest title matches, scored together
    /// with the newest matches. An older title match is left out of relevance (sort=newest still
    /// lists it); with the age discount it would need more relevance than the ones kept. In the
    /// seeded 86k articles (26 days of news) the 1,000th newest "council" title is 8 days old.
    /// SQLite scores the newest <see cref="Candidates"/> title matches instead (the best 500 were the same).
    /// </summary>
    public const int TitleWindow = 1_000;

    /// <summary>PostgreSQL's rank for a match in the body alone, as one body occurrence weighs in ts_rank_cd (D = 0.1).</summary>
    public const double BodyWeight = 0.1;

    /// <summary>"10,000+ stories" past the cap, the exact count below it.</summary>
    public static string CountOf(int total, string singular, string plural, int cap = CountCap) =>
        total > cap ? $"{Shared.Counts.Number(cap)}+ {plural}" : Shared.Counts.Of(total, singular, plural);

    // Private-use characters: they cannot occur in article text, so they mark matches safely
    // until the snippet is HTML-encoded and they become <mark> tags.
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    public static string SnippetHtml(string snippet) =>
        System.Net.WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>").Replace(MarkEnd.ToString(), "</mark>");
}
