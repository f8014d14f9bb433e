using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace Broadsheet.Pages;

/// <summary>
/// WordPress's plain links, /?page_id=2 and /?attachment_id=9, name their item in the query, on a
/// path our home page answers; the 404-only redirect lookup never sees them. The importer keeps
/// them in the Redirects table as "/?page_id=2"; this looks only at requests that carry exactly one
/// of those parameters, so every other request costs one dictionary check.
/// </summary>
public static class WordPressQueryLinks
{
    private static readonly string[] Parameters = ["page_id", "attachment_id"];

    public static IApplicationBuilder UseWordPressQueryLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Query.Count == 1
            && Parameters.FirstOrDefault(request.Query.ContainsKey) is { } name
            && request.Query[name] is [{ } id] && id.Length is > 0 and <= 19 && id.All(char.IsAsciiDigit)
            && await FindAsync(context, $"{request.Path.Value}?{name}={id}") is { } to)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = to;
            return;
        }
        await next(context);
    });

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
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WordPressQueryLinks).FullName!)
                .LogWarning(ex, "Query redirect lookup failed for {Path}", from);
            return null;
        }
    }
}
