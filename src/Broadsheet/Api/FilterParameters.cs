using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;

namespace Broadsheet.Api;

/// <summary>
/// The filters the article list and search share, bound with [AsParameters] under their lower-case query names. Strings, so every
/// bad value gets our own 400 rather than a bare binding failure (the document still says what type each one is: <see cref="ApiOperations"/>).
/// </summary>
public sealed class FilterParameters
{
    [FromQuery(Name = "category"), Description("Section slugs, comma-separated: any of them; -slug leaves one out")] public string? Category { get; set; }
    [FromQuery(Name = "tag"), Description("Tag slugs, comma-separated: any of them; -slug leaves one out")] public string? Tag { get; set; }
    [FromQuery(Name = "author"), Description("Author (byline) slugs, comma-separated: any of them; -slug leaves one out")] public string? Author { get; set; }
    [FromQuery(Name = "from"), Description("Published at or after: a date (2026-03-01, from its start) or a date-time with offset")] public string? From { get; set; }
    [FromQuery(Name = "to"), Description("Published up to: a date (2026-03-01, to its end) or a date-time with offset")] public string? To { get; set; }
    [FromQuery(Name = "page"), Description("Page number, from 1")] public string? Page { get; set; }
    [FromQuery(Name = "limit"), Description("Items per page, 1 to 100 (default 15)")] public string? Limit { get; set; }

    /// <summary>The first problem with the filters or paging, or null with the filter resolved to ids and the page to skip/take.</summary>
    public async Task<(ArticleFilter Filter, int Page, int Limit, string? Problem)> ResolveAsync(ApiContent content, string? otherProblem, CancellationToken ct)
    {
        string?[] problems =
        [
            otherProblem,
            ApiParameters.Paging(Page, Limit, ApiParameters.DefaultLimit, out var page, out var limit),
            ApiParameters.Dates(From, To, out var from, out var to),
            ApiParameters.SlugFilter("category", Category, out var category),
            ApiParameters.SlugFilter("tag", Tag, out var tag),
            ApiParameters.SlugFilter("author", Author, out var author),
        ];
        var problem = problems.FirstOrDefault(x => x is not null);
        if (problem is not null) return (ArticleFilter.None, page, limit, problem);
        var (filter, unknown) = await content.ResolveAsync(category, tag, author, ct);
        return (filter with { From = from, To = to }, page, limit, unknown);
    }
}
