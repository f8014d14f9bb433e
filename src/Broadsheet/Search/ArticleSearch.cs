using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Search;

public sealed record SearchResult(ArticleCard Card, string SnippetHtml);

public sealed record SearchResultPage(IReadOnlyList<SearchResult> Results, int Total);

/// <summary>Runs a search through the provider's index and turns its hits into cards, in rank order.</summary>
public sealed class ArticleSearch(BroadsheetDb db, ISearchIndex index, TimeProvider clock)
{
    public async Task<SearchResultPage> FindAsync(SearchQuery query, SearchFilters filters, SearchSort sort, int skip, int take, CancellationToken ct, bool snippets = true)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await index.SearchAsync(db, new SearchRequest(query, filters, sort, skip, take, now, snippets), ct);
        if (found.Hits.Count == 0) return new SearchResultPage([], found.Total);

        var ids = found.Hits.Select(h => h.ArticleId).ToList();
        var cards = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleQueries.Card).ToListAsync(ct).WithCoAuthorsAsync(db, ct))
            .ToDictionary(c => c.Id);
        var results = found.Hits.Where(h => cards.ContainsKey(h.ArticleId))
            .Select(h => new SearchResult(cards[h.ArticleId], SearchIndex.SnippetHtml(h.Snippet)))
            .ToList();
        return new SearchResultPage(results, found.Total);
    }
}
