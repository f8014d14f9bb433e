using Broadsheet.Caching;
using Broadsheet.Media;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Search;

/// <summary>
/// The header overlay's "as you type" list: the top matches as an HTML fragment for htmx,
/// with a link to every result. Same index, ranking and query rules as the /search page.
/// </summary>
public static class SearchSuggestions
{
    public const int Count = 5;

    public static IEndpointRouteBuilder MapSearchFragments(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/search").WithTags("Search");
        // Cached like the pages (anonymous only, evicted on every publish, unpublish and schedule):
        // the overlay asks on every keystroke, and many readers type the same first letters.
        search.MapGet("/suggest", SuggestAsync)
            .WithMetadata(new OutputCacheAttribute { PolicyName = PageCache.Policy, VaryByQueryKeys = ["q"] });
        return app;
    }

    private static async Task<ContentHttpResult> SuggestAsync(string? q, ArticleSearch search, MediaVariants variants, HttpContext http, CancellationToken ct)
    {
        var text = (q ?? "").Trim();
        if (text.Length > SearchQuery.MaxLength) text = text[..SearchQuery.MaxLength];
        var query = SearchQuery.Parse(text);
        http.Response.Headers.CacheControl = "no-store";
        if (query.IsEmpty) return TypedResults.Content("", "text/html; charset=utf-8");

        // Titles only: no snippets, so no body is parsed for the overlay.
        var found = await search.FindAsync(query, new SearchFilters(), SearchSort.Relevance, 0, Count, ct, snippets: false);
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        if (found.Results.Count == 0)
        {
            html.Append($"""<p class="suggest-empty" role="status">No stories match “{e.Encode(text)}”.</p>""");
        }
        else
        {
            html.Append("""<ul class="suggestions" aria-label="Top matches">""");
            foreach (var r in found.Results)
                html.Append($"""<li><a href="/articles/{e.Encode(r.Card.Slug)}">{Thumbnail(r.Card, variants)}<span class="suggest-title">{e.Encode(r.Card.Title)}</span> <span class="suggest-meta">{e.Encode(r.Card.CategoryName)}</span></a></li>""");
            html.Append("</ul>");
            html.Append($"""<p class="suggest-all" role="status"><a href="/search?q={Uri.EscapeDataString(text)}">See all {e.Encode(SearchIndex.CountOf(found.Total, "result", "results"))}</a></p>""");
        }
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// A small picture beside a match, when the story has one. Decorative (alt=""): the title beside it
    /// names the story. The sizes hint lets the browser take the smallest stored copy.
    /// </summary>
    private static string Thumbnail(Broadsheet.Articles.ArticleCard card, MediaVariants variants)
    {
        if (card.ImagePath is not { } picture) return "";
        var e = HtmlEncoder.Default;
        var srcset = variants.SrcSet(picture, card.ImageWidth) is { } set ? $""" srcset="{e.Encode(set)}" sizes="4.5rem" """ : " ";
        var box = card is { ImageWidth: > 0, ImageHeight: > 0 } ? $""" width="{card.ImageWidth}" height="{card.ImageHeight}" """ : " ";
        return $"""<img class="suggest-image" src="{e.Encode(MediaFolder.UrlOf(picture)!)}"{srcset}alt=""{box}loading="lazy" decoding="async">""";
    }
}
