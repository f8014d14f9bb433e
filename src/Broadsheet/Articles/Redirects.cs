using Broadsheet.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace Broadsheet.Articles;

/// <summary>
/// Old URLs (imported permalinks and archives) answer 301 to their new place. Only a GET or
/// HEAD that nothing else answered (a 404 with no body yet) looks in the Redirects table, so a
/// page that resolves costs nothing. The lookup tries the path with and without its trailing
/// slash and keeps the query string. It runs inside the status-code pages, so a path with no
/// redirect still gets the friendly 404 page.
/// </summary>
public static class Redirects
{
    /// <summary>
    /// A page moved from <paramref name="from"/> to <paramref name="to"/> (a renamed slug): the old
    /// address answers 301; redirects that led to the old address now lead straight to the new one
    /// (no chains); a redirect away from the new address is dropped (it is a page again, so renaming
    /// back cannot loop). Tracked changes only, saved by the caller's SaveChanges in its transaction.
    /// </summary>
    public static async Task MoveAsync(BroadsheetDb db, string from, string to, DateTime now, CancellationToken ct)
    {
        var existing = await db.Redirects.Where(r => r.ToPath == from || r.FromPath == from || r.FromPath == to).ToListAsync(ct);
        foreach (var r in existing)
        {
            if (r.FromPath == to) db.Redirects.Remove(r);
            else r.ToPath = to;
        }
        if (!existing.Any(r => r.FromPath == from)) db.Redirects.Add(new Redirect { FromPath = from, ToPath = to, CreatedAt = now });
    }

    /// <summary>The paths to look up for a request path: as it came, then with its trailing slash added or removed.</summary>
    public static string[] Candidates(string path)
    {
        if (string.IsNullOrEmpty(path) || path == "/") return [];
        return [path, path.EndsWith('/') ? path.TrimEnd('/') : path + "/"];
    }

    public static WebApplication UseRedirects(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next();
            var response = context.Response;
            if (response.StatusCode != StatusCodes.Status404NotFound || response.HasStarted) return;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return;
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null) return; // the 404 page itself
            var candidates = Candidates(context.Request.Path.Value ?? "");
            if (candidates.Length == 0) return;
            if (await FindAsync(context, candidates) is not { } to) return;
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = to + context.Request.QueryString;
        });
        return app;
    }

    private static async Task<string?> FindAsync(HttpContext context, string[] candidates)
    {
        try
        {
            var db = context.RequestServices.GetRequiredService<BroadsheetDb>();
            var found = await db.Redirects.AsNoTracking().Where(r => candidates.Contains(r.FromPath))
                .Select(r => new { r.FromPath, r.ToPath }).ToListAsync(context.RequestAborted);
            // The exact path wins over its trailing-slash twin.
            return found.OrderBy(r => r.FromPath == candidates[0] ? 0 : 1).FirstOrDefault()?.ToPath;
        }
        catch (DbException ex)
        {
            // With the database down, the reader still gets the 404 page rather than an error.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Redirects).FullName!)
                .LogWarning(ex, "Redirect lookup failed for {Path}", context.Request.Path);
            return null;
        }
    }
}
