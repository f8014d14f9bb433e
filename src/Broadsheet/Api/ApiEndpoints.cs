using Broadsheet.Search;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel;

namespace Broadsheet.Api;

/// <summary>The read-only Content API's resources under /api/v1. Parameters arrive as strings so every bad value gets our own 400, not a bare binding failure.</summary>
public static class ApiEndpoints
{
    public const int TermDefaultLimit = 100;

    public static RouteGroupBuilder MapApiResources(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ArticlesAsync).WithName("ListArticles")
            .WithSummary("Live articles, newest first").WithDescription("Never drafts, scheduled stories that are not yet due, or unpublished ones. The body (html) only with include=html or fields=...,html.");
        api.MapGet("/articles/{slug}", ArticleAsync).WithName("GetArticle")
            .WithSummary("One live article, with its body").WithDescription("404 for a slug that names no live article (missing, draft, scheduled or unpublished).");
        api.MapGet("/categories", CategoriesAsync).WithName("ListCategories")
            .WithSummary("Every section, in the site's order, with its live article count");
        api.MapGet("/tags", TagsAsync).WithName("ListTags").WithSummary("Tags on at least one live article, by name");
        api.MapGet("/authors", AuthorsAsync).WithName("ListAuthors").WithSummary("Bylines with at least one live article, by name");
        api.MapGet("/search", SearchAsync).WithName("Search")
            .WithSummary("Full-text search, as the site's /search").WithDescription("Words are ANDed; \"exact phrase\", -leave-out and a OR b work. Ranked by relevance and freshness unless sort=newest.");
        return api;
    }

    private static async Task<Results<Ok<ArticleList>, ProblemHttpResult>> ArticlesAsync(
        ApiContent content, [AsParameters] FilterParameters filters,
        [Description("Comma-separated article fields to return, e.g. title,slug,publishedAt")] string? fields,
        [Description("html: add each article's body")] string? include,
        CancellationToken ct)
    {
        var fieldProblem = ApiParameters.Fields(fields, include, ApiParameters.ListFields, out var chosen);
        var (filter, p, l, problem) = await filters.ResolveAsync(content, fieldProblem, ct);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var (items, total) = await content.ArticlesAsync(filter, (p - 1) * l, l, chosen.Contains("html"), ct);
        return TypedResults.Ok(new ArticleList(items, new ListMeta(Pagination.Of(p, l, total)), chosen));
    }

    private static async Task<Results<Ok<ArticleResource>, ProblemHttpResult>> ArticleAsync(
        ApiContent content, [Description("The article's slug")] string slug,
        [Description("Comma-separated article fields to return")] string? fields, CancellationToken ct)
    {
        if (ApiParameters.Fields(fields, null, ApiParameters.AllFields, out var chosen) is { } problem) return ApiProblems.BadRequest(problem);
        var article = Slug.IsValid(slug) ? await content.ArticleAsync(slug, ct) : null;
        return article is null
            ? ApiProblems.NotFound($"There is no live article “{(slug.Length > 60 ? slug[..60] + "…" : slug)}”.")
            : TypedResults.Ok(new ArticleResource(article, chosen));
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
        if (problem is not null) return ApiProblems.BadRequest(problem);

        var found = await search.FindAsync(parsed, new SearchFilters(f.CategoryId, f.AuthorId, f.TagId, f.From, f.To),
            sort == "newest" ? SearchSort.Newest : SearchSort.Relevance, (p - 1) * l, l, ct);
        var articles = (await content.ArticlesByIdAsync(found.Results.Select(r => r.Card.Id).ToList(), ct)).ToDictionary(x => x.Id);
        var hits = found.Results.Where(r => articles.ContainsKey(r.Card.Id)).Select(r => new ApiSearchHit(articles[r.Card.Id], r.SnippetHtml)).ToList();
        return TypedResults.Ok(new SearchList(hits, new ListMeta(Pagination.Of(p, l, found.Total))));
    }
}
