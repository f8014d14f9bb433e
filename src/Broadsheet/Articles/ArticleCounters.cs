using Broadsheet.Data;
using Broadsheet.Shared;
using Broadsheet.Views;
using Broadsheet.Votes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Text.Encodings.Web;

namespace Broadsheet.Articles;

/// <summary>
/// The "N Views · N Votes: …" line. The article page is served from the output cache, so the
/// line in it may be up to a cache lifetime old; with JavaScript, htmx swaps in this line
/// fresh from the database as soon as the page loads. One primary-key read, never cached.
/// </summary>
public sealed record ArticleCounters(long Views, int Upvotes, int Downvotes)
{
    public static ArticleCounters Of(Article a) => new(a.ViewCount, a.Upvotes, a.Downvotes);

    public static string PathFor(string slug) => $"/articles/{slug}/counters";

    /// <summary>The line's markup, shared by the page and the fragment so they cannot drift apart.</summary>
    public string ToHtml(string slug)
    {
        var e = HtmlEncoder.Default;
        var path = e.Encode(PathFor(slug));
        return $"""<p class="counters" hx-get="{path}" hx-trigger="load" hx-swap="outerHTML"><span class="views">{e.Encode(ViewCount.Label(Views))}</span> <span aria-hidden="true">·</span> <span class="votes">{e.Encode(VoteTally.Line(Upvotes, Downvotes))}</span></p>""";
    }
}

/// <summary>HTML fragments of the article page that must not come from the output cache.</summary>
public static class ArticleFragments
{
    public static IEndpointRouteBuilder MapArticleFragments(this IEndpointRouteBuilder app)
    {
        var article = app.MapGroup("/articles/{slug}").WithTags("Articles");
        article.MapGet("/counters", FreshAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FreshAsync(
        string slug, BroadsheetDb db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return TypedResults.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var counters = await db.Articles.AsNoTracking().Live(now).Where(a => a.Slug == slug)
            .Select(a => new ArticleCounters(a.ViewCount, a.Upvotes, a.Downvotes))
            .FirstOrDefaultAsync(ct);
        if (counters is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(counters.ToHtml(slug), "text/html; charset=utf-8");
    }
}
