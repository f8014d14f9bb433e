using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Search;

public sealed record SearchResult(ArticleCard Card, string SnippetHtml);

/// <summary>A page of results and the count of all matches, capped at <paramref name="Cap"/> + 1.</summary>
public sealed record SearchResultPage(IReadOnlyList<SearchResult> Results, int Total, int Cap = SearchIndex.CountCap);

/// <summary>Runs a search through the provider's index and turns its hits into cards, in rank order.</summary>
public sealed class ArticleSearch(BroadsheetDb db, ISearchIndex index, TimeProvider clock)
{
    public async Task<SearchResultPage> FindAsync(SearchQuery query, SearchFilters filters, SearchSort sort, int skip, int take, CancellationToken ct) =>
        await CardsAsync(await index.SearchAsync(db, Request(query, filters, sort, skip, take), ct), ct);

    /// <summary>The overlay's top matches by relevance: the index's suggestion path (no snippets, maybe a lower count cap).</summary>
    public async Task<SearchResultPage> SuggestAsync(SearchQuery query, int take, CancellationToken ct) =>
        await CardsAsync(await index.SuggestAsync(db, Request(query, new SearchFilters(), SearchSort.Relevance, 0, take) with { Snippets = false }, ct), ct);

    private SearchRequest Request(SearchQuery query, SearchFilters filters, SearchSort sort, int skip, int take) =>
        new(query, filters, sort, skip, take, clock.GetUtcNow().UtcDateTime);

    private async Task<SearchResultPage> CardsAsync(SearchResults found, CancellationToken ct)
    {
        if (found.Hits.Count == 0) return new SearchResultPage([], found.Total, found.Cap);

        var ids = found.Hits.Select(h => h.ArticleId).ToList();
        var cards = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleQueries.Card).ToListAsync(ct).WithCoAuthorsAsync(db, ct))
            .ToDictionary(c => c.Id);
        var results = found.Hits.Where(h => cards.ContainsKey(h.ArticleId))
            .Select(h => new SearchResult(cards[h.ArticleId], SearchIndex.SnippetHtml(h.Snippet)))
            .ToList();
        return new SearchResultPage(results, found.Total, found.Cap);
    }
}
