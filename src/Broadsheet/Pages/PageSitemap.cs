using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Feeds;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Pages;

/// <summary>
/// /sitemaps/pages.xml: every published page, listed in /sitemap.xml beside the article files.
/// Pages are in the sitemap so search engines find them, and never in feeds (they are not news).
/// </summary>
public sealed class PageSitemap : ISitemapFile
{
    public const string FilePath = "/sitemaps/pages.xml";

    public string Path => FilePath;

    public async Task<DateTime?> LastModifiedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<BroadsheetDb>();
        var live = db.Pages.AsNoTracking().Live();
        // Max over no rows is an error on some providers: ask whether there are any first.
        return await live.AnyAsync(ct) ? await live.MaxAsync(p => p.UpdatedAt, ct) : null;
    }

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(FilePath, ServeAsync).CacheOutput(PageCache.Policy);

    private static async Task<IResult> ServeAsync(BroadsheetDb db, SiteOrigin origin, CancellationToken ct)
    {
        var pages = await db.Pages.AsNoTracking().Live().OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(ct);
        if (pages.Count == 0) return Results.NotFound(); // as an article file past the last
        var baseUrl = origin.Value;
        return Results.Stream(async body =>
        {
            await using var x = SitemapXml.Open(body);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "urlset", SitemapXml.Ns);
            foreach (var p in pages) await SitemapXml.EntryAsync(x, "url", baseUrl + PageDesk.PathOf(p.Slug), p.UpdatedAt);
            await x.WriteEndElementAsync();
        }, SitemapXml.ContentType);
    }
}
