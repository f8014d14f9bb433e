using Broadsheet.Caching;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Broadsheet.Search;

/// <summary>
/// /search: ranked full-text results with highlighted snippets, filters, sorting and "Load more".
/// Bad filters get a 400 with the form and a readable message; no input ever causes a 500.
/// Anonymous result pages are cached like every reader page (Caching:PageSeconds, evicted on every
/// publish, unpublish and schedule), varied by everything the query string says.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy, VaryByQueryKeys = ["q", "category", "author", "tag", "from", "to", "sort", "page"])]
public sealed class SearchModel(BroadsheetDb db, ArticleSearch search, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;
    public const int SuggestionCount = 5;

    public string Query { get; private set; } = "";
    public string? Category { get; private set; }
    public string? Author { get; private set; }
    public string? Tag { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public SearchSort Sort { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<SearchResult> Results { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>True when paging by relevance stopped at the candidate set and more matches exist.</summary>
    public bool MoreByNewest { get; private set; }
    public string? NextUrl { get; private set; }
    /// <summary>Which page of results this is: only the first page's top cards load their pictures eagerly.</summary>
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<ArticleCard> Trending { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<Author> Authors { get; private set; } = [];
    public bool HasFilters => Category is not null || Author is not null || Tag is not null || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var q = Request.Query;
        Query = Single(q["q"])?.Trim() ?? "";
        if (Query.Length > SearchQuery.MaxLength) Query = Query[..SearchQuery.MaxLength];
        Category = Blank(Single(q["category"]));
        Author = Blank(Single(q["author"]));
        Tag = Blank(Single(q["tag"]));
        From = Blank(Single(q["from"]));
        To = Blank(Single(q["to"]));
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct);

        var filters = await FiltersAsync(ct);
        if (!Paging.TryParse(Single(q["page"]), out var page)) Problem ??= "The page number must be a whole number from 1 to 10,000.";
        Sort = Single(q["sort"]) switch
        {
            null or "" or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => Fail(SearchSort.Relevance, "Sort by relevance or newest."),
        };
        if (Problem is not null || filters is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = page;
        var parsed = SearchQuery.Parse(Query);
        if (!parsed.IsEmpty)
        {
            var found = await search.FindAsync(parsed, filters, Sort, (page - 1) * PageSize, PageSize, ct);
            Results = found.Results;
            Total = found.Total;
            // Relevance pages through its bounded candidate set; newest through every match.
            var reachable = Sort == SearchSort.Newest ? Total : Math.Min(Total, SearchIndex.Candidates);
            if (page * PageSize < reachable) NextUrl = PageUrl(page + 1);
            MoreByNewest = NextUrl is null && reachable < Total && Results.Count > 0;
        }
        if (Results.Count == 0) Trending = await db.MostViewedAsync(clock.GetUtcNow().UtcDateTime, SuggestionCount, ct).WithCoAuthorsAsync(db, ct);

        return Request.Headers.ContainsKey("HX-Request") && page > 1 ? Partial("_SearchResults", this) : Page();
    }

    /// <summary>This search without some of its filters, for the "drop a filter" suggestions.</summary>
    public string UrlWithout(params string[] drop) => SearchUrl(drop, page: null);

    private string SearchUrl(string[] drop, int? page)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Query) };
        void Keep(string key, string? value) { if (value is not null && !drop.Contains(key)) pairs.Add(new(key, value)); }
        Keep("category", Category);
        Keep("author", Author);
        Keep("tag", Tag);
        Keep("from", From);
        Keep("to", To);
        Keep("sort", Sort == SearchSort.Newest ? "newest" : null);
        Keep("page", page?.ToString(CultureInfo.InvariantCulture));
        return "/search" + QueryString.Create(pairs);
    }

    private string PageUrl(int page) => SearchUrl([], page);

    /// <summary>This search sorted by date, from its first page.</summary>
    public string NewestUrl()
    {
        var sort = Sort;
        Sort = SearchSort.Newest;
        try { return SearchUrl([], page: null); } finally { Sort = sort; }
    }

    private async Task<SearchFilters?> FiltersAsync(CancellationToken ct)
    {
        int? categoryId = null, authorId = null, tagId = null;
        if (Category is not null)
            categoryId = Categories.FirstOrDefault(c => c.Slug == Category)?.Id ?? Fail<int?>(null, "There is no section with that name.");
        if (Author is not null)
            authorId = Authors.FirstOrDefault(a => a.Slug == Author)?.Id ?? Fail<int?>(null, "There is no author with that name.");
        if (Tag is not null)
        {
            var tag = Slug.IsValid(Tag) ? await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == Tag, ct) : null;
            tagId = tag?.Id ?? Fail<int?>(null, "There is no tag with that name.");
        }
        var from = Date(From, "from");
        var to = Date(To, "to")?.AddDays(1); // "to" is inclusive of its whole day
        if (from is not null && to is not null && from >= to) Problem ??= "The start date must come before the end date.";
        return Problem is null ? new SearchFilters(categoryId, authorId, tagId, from, to) : null;
    }

    private DateTime? Date(string? raw, string name)
    {
        if (raw is null) return null;
        if (DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            && d.Year is >= 1900 and <= 2200)
            return DateTime.SpecifyKind(d, DateTimeKind.Utc);
        Problem ??= $"The “{name}” date must look like 2026-11-25.";
        return null;
    }

    private T Fail<T>(T fallback, string problem)
    {
        Problem ??= problem;
        return fallback;
    }

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : values.Count == 0 ? null : "";
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
