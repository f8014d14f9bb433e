using Broadsheet.Search;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;

namespace Broadsheet.Api;

/// <summary>The read-only Content API's resources under /api/v1. Parameters arrive as strings so every bad value gets our own 400, not a bare binding failure.</summary>
public static class ApiEndpoints
{
    public const int TermDefaultLimit = 100;

    public static RouteGroupBuilder MapApiResources(this RouteGroupBuilder api)
    {
        api.MapMethods("/articles", Head, ArticlesAsync).ExcludeFromDescription();
        api.MapGet("/articles", ArticlesAsync).WithName("ListArticles")
            .WithSummary("Live articles, newest first unless order= says otherwise").WithDescription("Never drafts, scheduled stories that are not yet due, or unpublished ones. The body only with include= or formats= (html, plaintext) or fields=.");
        api.MapMethods("/articles/{slug}", Head, ArticleAsync).ExcludeFromDescription();
        api.MapGet("/articles/{slug}", ArticleAsync).WithName("GetArticle")
            .WithSummary("One live article by slug, with its body").WithDescription("404 for a slug that names no live article (missing, draft, scheduled or unpublished).");
        api.MapMethods("/articles/id/{id:int}", Head, ArticleByIdAsync).ExcludeFromDescription();
        api.MapGet("/articles/id/{id:int}", ArticleByIdAsync).WithName("GetArticleById")
            .WithSummary("One live article by id, with its body").WithDescription("404 for an id that names no live article.");
        api.MapMethods("/categories", Head, CategoriesAsync).ExcludeFromDescription();
        api.MapGet("/categories", CategoriesAsync).WithName("ListCategories")
            .WithSummary("Every section, in the site's order, with its live article count");
        api.MapMethods("/categories/{slug}", Head, CategoryAsync).ExcludeFromDescription();
        api.MapGet("/categories/{slug}", CategoryAsync).WithName("GetCategory").WithSummary("One section by slug, with its live article count");
        api.MapMethods("/tags", Head, TagsAsync).ExcludeFromDescription();
        api.MapGet("/tags", TagsAsync).WithName("ListTags").WithSummary("Tags on at least one live article, by name");
        api.MapMethods("/tags/{slug}", Head, TagAsync).ExcludeFromDescription();
        api.MapGet("/tags/{slug}", TagAsync).WithName("GetTag").WithSummary("One tag by slug, with its live article count");
        api.MapMethods("/authors", Head, AuthorsAsync).ExcludeFromDescription();
        api.MapGet("/authors", AuthorsAsync).WithName("ListAuthors").WithSummary("Bylines with at least one live article, by name");
        api.MapMethods("/authors/{slug}", Head, AuthorAsync).ExcludeFromDescription();
        api.MapGet("/authors/{slug}", AuthorAsync).WithName("GetAuthor").WithSummary("One byline with at least one live article, by slug, with its count");
        api.MapMethods("/search", Head, SearchAsync).ExcludeFromDescription();
        api.MapGet("/search", SearchAsync).WithName("Search")
            .WithSummary("Full-text search, as the site's /search").WithDescription("Words are ANDed; \"exact phrase\", -leave-out and a OR b work. Ranked by relevance and freshness unless sort=newest.");
        api.MapLiveEntries();
        return api;
    }

    // Each resource is GET, and HEAD with the same headers and no body (Kestrel drops the body of a
    // HEAD answer); HEAD is its own endpoint, left out of the document, so each operation has one id.
    // Both are mapped here with the handler named at the call: the request delegate generator only
    // sees a handler there, and one passed through a Delegate parameter was built from expression
    // trees at every start (a fifth of a cold start's main thread; issue 15).
    private static readonly string[] Head = [HttpMethods.Head];

    private static async Task<Results<Ok<ArticleList>, ProblemHttpResult>> ArticlesAsync(
        ApiContent content, [AsParameters] FilterParameters filters,
        [Description("Comma-separated article fields to return, e.g. title,slug,publishedAt")] string? fields,
        [Description("html and/or plaintext: add each article's body in that form")] string? include,
        [Description("html and/or plaintext, comma-separated (Ghost's name for include)")] string? formats,
        [Description("published (default), updated, title, views or points (upvotes less downvotes)")] string? order,
        [Description("asc or desc; title defaults to asc, the others to desc")] string? direction,
        [FromQuery(Name = "updated_since"), Description("Changed at or after: a date (from its start) or a date-time with offset; for incremental builds")] string? updatedSince,
        CancellationToken ct)
    {
        string?[] problems =
        [
            ApiParameters.Fields(fields, Both(include, formats), ApiParameters.ListFields, out var chosen),
            ApiParameters.Order(order, direction, out var sorted),
            ApiParameters.UpdatedSince(updatedSince, out var since),
        ];
        var ownProblem = problems.FirstOrDefault(x => x is not null);
        var (filter, p, l, problem) = await filters.ResolveAsync(content, ownProblem, ct);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var (items, total) = await content.ArticlesAsync(filter with { UpdatedSince = since }, sorted, (p - 1) * l, l, BodyFormats.For(chosen), ct);
        return TypedResults.Ok(new ArticleList(items, new ListMeta(Pagination.Of(p, l, total)), chosen));
    }

    private static async Task<Results<Ok<ArticleResource>, ProblemHttpResult>> ArticleAsync(
        ApiContent content, [Description("The article's slug")] string slug,
        [Description("Comma-separated article fields to return")] string? fields,
        [Description("plaintext: add the body as plain text too (html is always there)")] string? formats, CancellationToken ct)
    {
        if (ApiParameters.Fields(fields, formats, ApiParameters.ItemFields, out var chosen) is { } problem) return ApiProblems.BadRequest(problem);
        var article = Slug.IsValid(slug) ? await content.ArticleAsync(slug, BodyFormats.For(chosen), ct) : null;
        return article is null
            ? ApiProblems.NotFound($"There is no live article “{Clip(slug)}”.")
            : TypedResults.Ok(new ArticleResource(article, chosen));
    }

    private static async Task<Results<Ok<ArticleResource>, ProblemHttpResult>> ArticleByIdAsync(
        ApiContent content, [Description("The article's id")] int id,
        [Description("Comma-separated article fields to return")] string? fields,
        [Description("plaintext: add the body as plain text too (html is always there)")] string? formats, CancellationToken ct)
    {
        if (ApiParameters.Fields(fields, formats, ApiParameters.ItemFields, out var chosen) is { } problem) return ApiProblems.BadRequest(problem);
        var article = await content.ArticleAsync(id, BodyFormats.For(chosen), ct);
        return article is null ? ApiProblems.NotFound($"There is no live article with id {id}.") : TypedResults.Ok(new ArticleResource(article, chosen));
    }

    private static Task<Results<Ok<TermList<ApiCategory>>, ProblemHttpResult>> CategoriesAsync(ApiContent content,
        [Description("Page number, from 1")] string? page, [Description("Items per page, 1 to 100 (default 100)")] string? limit, CancellationToken ct) =>
        TermsAsync(page, limit, (skip, take) => content.CategoriesAsync(skip, take, ct));

    private static Task<Results<Ok<TermList<ApiTag>>, ProblemHttpResult>> TagsAsync(ApiContent content,
        [Description("Page number, from 1")] string? page, [Description("Items per page, 1 to 100 (default 100)")] string? limit, CancellationToken ct) =>
        TermsAsync(page, limit, (skip, take) => content.TagsAsync(skip, take, ct));

    private static Task<Results<Ok<TermList<ApiAuthor>>, ProblemHttpResult>> AuthorsAsync(ApiContent content,
        [Description("Page number, from 1")] string? page, [Description("Items per page, 1 to 100 (default 100)")] string? limit, CancellationToken ct) =>
        TermsAsync(page, limit, (skip, take) => content.AuthorsAsync(skip, take, ct));

    private static async Task<Results<Ok<TermList<T>>, ProblemHttpResult>> TermsAsync<T>(string? page, string? limit,
        Func<int, int, Task<(List<T> Items, int Total)>> read)
    {
        if (ApiParameters.Paging(page, limit, TermDefaultLimit, out var p, out var l) is { } problem) return ApiProblems.BadRequest(problem);
        var (items, total) = await read((p - 1) * l, l);
        return TypedResults.Ok(new TermList<T>(items, new ListMeta(Pagination.Of(p, l, total))));
    }

    private static async Task<Results<Ok<CategoryResource>, ProblemHttpResult>> CategoryAsync(ApiContent content,
        [Description("The section's slug")] string slug, CancellationToken ct) =>
        (Slug.IsValid(slug) ? await content.CategoryAsync(slug, ct) : null) is { } found
            ? TypedResults.Ok(new CategoryResource(found)) : ApiProblems.NotFound($"There is no category “{Clip(slug)}”.");

    private static async Task<Results<Ok<TagResource>, ProblemHttpResult>> TagAsync(ApiContent content,
        [Description("The tag's slug")] string slug, CancellationToken ct) =>
        (Slug.IsValid(slug) ? await content.TagAsync(slug, ct) : null) is { } found
            ? TypedResults.Ok(new TagResource(found)) : ApiProblems.NotFound($"There is no tag “{Clip(slug)}”.");

    private static async Task<Results<Ok<AuthorResource>, ProblemHttpResult>> AuthorAsync(ApiContent content,
        [Description("The byline's slug")] string slug, CancellationToken ct) =>
        (Slug.IsValid(slug) ? await content.AuthorAsync(slug, ct) : null) is { } found
            ? TypedResults.Ok(new AuthorResource(found)) : ApiProblems.NotFound($"There is no author “{Clip(slug)}” with a live article.");

    private static async Task<Results<Ok<SearchList>, ProblemHttpResult>> SearchAsync(
        ApiContent content, ArticleSearch search,
        [Description("What to look for (up to 200 characters)")] string? q,
        [AsParameters] FilterParameters filters,
        [Description("relevance (default) or newest")] string? sort,
        CancellationToken ct)
    {
        var parsed = SearchQuery.Parse(q);
        var queryProblem = parsed.IsEmpty ? "q must contain at least one word to look for."
            : sort is null or "" or "relevance" or "newest" ? null : "sort must be relevance or newest.";
        var (f, p, l, problem) = await filters.ResolveAsync(content, queryProblem, ct);
        // The search index filters on one section, tag and author at most: refused clearly rather than half-applied.
        problem ??= new[] { f.Categories, f.Tags, f.Authors }.Any(s => s.Include.Count > 1 || s.Exclude.Count > 0)
            ? "search takes at most one category, tag and author, and no -exclusions; the article list takes several." : null;
        if (problem is not null) return ApiProblems.BadRequest(problem);

        var found = await search.FindAsync(parsed, new SearchFilters(f.Categories.Single, f.Authors.Single, f.Tags.Single, f.From, f.To),
            sort == "newest" ? SearchSort.Newest : SearchSort.Relevance, (p - 1) * l, l, ct);
        var articles = (await content.ArticlesByIdAsync(found.Results.Select(r => r.Card.Id).ToList(), ct)).ToDictionary(x => x.Id);
        var hits = found.Results.Where(r => articles.ContainsKey(r.Card.Id)).Select(r => new ApiSearchHit(articles[r.Card.Id], r.SnippetHtml)).ToList();
        return TypedResults.Ok(new SearchList(hits, new ListMeta(Pagination.Of(p, l, found.Total))));
    }

    private static string? Both(string? a, string? b) => string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) ? b : a + "," + b;

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
