using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;

namespace Broadsheet.Api;

/// <summary>
/// The filters the article list and search share, bound with [AsParameters] under their lower-case query names. Strings, so every
/// bad value gets our own 400 rather than a bare binding failure.
/// </summary>
public sealed class FilterParameters
{
    [FromQuery(Name = "category"), Description("Section slug")] public string? Category { get; set; }
    [FromQuery(Name = "tag"), Description("Tag slug")] public string? Tag { get; set; }
    [FromQuery(Name = "author"), Description("Author (byline) slug")] public string? Author { get; set; }
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
        if (problem is not null) return (new ArticleFilter(null, null, null, null, null), page, limit, problem);
        var (c, t, a, unknown) = await content.ResolveAsync(category, tag, author, ct);
        return (new ArticleFilter(c, t, a, from, to), page, limit, unknown);
    }
}
