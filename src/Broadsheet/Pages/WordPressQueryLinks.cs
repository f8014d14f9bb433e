using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace Broadsheet.Pages;

/// <summary>
/// WordPress's plain links, /?p=12, /?page_id=2 and /?attachment_id=9, name their item in the
/// query, on a path our home page answers; the 404-only redirect lookup never sees them. The
/// importer keeps them in the Redirects table as "/?p=12"; this looks only at requests that carry
/// exactly one of those parameters, so every other request costs three dictionary checks. Other
/// parameters beside it (WordPress's "&amp;preview=true", a newsletter's utm_source) are ignored.
/// At the site root an id nobody imported is the 404 page, not the home page: an old link that
/// lands on the front page with a 200 looks found to readers and search engines alike.
/// </summary>
public static class WordPressQueryLinks
{
    private static readonly string[] Parameters = ["p", "page_id", "attachment_id"];

    public static IApplicationBuilder UseWordPressQueryLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Query.Count > 0
            && Parameters.Where(request.Query.ContainsKey).ToList() is [var name]
            && request.Query[name] is [{ } id] && id.Length is > 0 and <= 19 && id.All(char.IsAsciiDigit))
        {
            if (await FindAsync(context, $"{request.Path.Value}?{name}={id}") is { } to)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = to;
                return;
            }
            if (request.Path == "/" && !context.Items.ContainsKey(LookupFailed))
            {
                // The status code pages re-execute this as the site's 404 page.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next(context);
    });

    private const string LookupFailed = "WordPressQueryLinks.LookupFailed";

    private static async Task<string?> FindAsync(HttpContext context, string from)
    {
        try
        {
            var db = context.RequestServices.GetRequiredService<BroadsheetDb>();
            return await db.Redirects.AsNoTracking().Where(r => r.FromPath == from).Select(r => r.ToPath).FirstOrDefaultAsync(context.RequestAborted);
        }
        catch (DbException ex)
        {
            // With the database down the request goes on as if the parameter were not there.
            context.Items[LookupFailed] = true;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WordPressQueryLinks).FullName!)
                .LogWarning(ex, "Query redirect lookup failed for {Path}", from);
            return null;
        }
    }
}
