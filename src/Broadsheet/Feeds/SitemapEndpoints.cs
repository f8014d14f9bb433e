using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Feeds;

/// <summary>
/// /sitemap.xml (an index), /sitemaps/articles-{n}.xml, /sitemaps/sections.xml and
/// /news-sitemap.xml. Rows stream from the database straight into the response, selecting
/// only the columns written, so 100,000 articles never sit in memory as entities.
/// Article pages are cut in id order: a new story lands on the last page, and the earlier
/// pages (and their lastmod) stay as they were.
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>Google News reads stories from the last two days, and at most this many.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);
    public const int NewsLimit = 1_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", IndexAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/sitemaps/articles-{page}.xml", ArticlesAsync).CacheOutput(PageCache.Policy);
        app.MapGet(SitemapPages.SectionsPath, SectionsAsync).CacheOutput(PageCache.Policy);
        app.MapGet("/news-sitemap.xml", NewsAsync).CacheOutput(PageCache.Policy);
    }

    private static IQueryable<Article> LiveArticles(BroadsheetDb db, TimeProvider clock) =>
        db.Articles.AsNoTracking().Live(clock.GetUtcNow().UtcDateTime);

    private static async Task<IResult> IndexAsync(BroadsheetDb db, IOptions<FeedOptions> options,
        SiteOrigin origin, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        // Files other features serve (static pages), each with its newest change.
        var others = new List<(string Path, DateTime LastModified)>();
        foreach (var file in http.RequestServices.GetServices<ISitemapFile>())
            if (await file.LastModifiedAsync(http.RequestServices, ct) is { } changed) others.Add((file.Path, changed));
        var size = options.Value.SitemapPageSize;
        // One pass over two columns in page order: each page's newest change, no story loaded.
        var pages = new List<DateTime>();
        var seen = 0;
        var rows = LiveArticles(db, clock).OrderBy(a => a.Id).Select(a => new { a.UpdatedAt, a.PublishedAt }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var changed = SitemapXml.Later(row.UpdatedAt, row.PublishedAt);
            if (seen++ % size == 0) pages.Add(changed);
            else if (changed > pages[^1]) pages[^1] = changed;
        }
        var baseUrl = origin.Value;
        return Results.Stream(async body =>
        {
            await using var x = SitemapXml.Open(body);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "sitemapindex", SitemapXml.Ns);
            await SitemapXml.EntryAsync(x, "sitemap", baseUrl + SitemapPages.SectionsPath, pages.Count == 0 ? null : pages.Max());
            for (var n = 0; n < pages.Count; n++) await SitemapXml.EntryAsync(x, "sitemap", baseUrl + SitemapPages.PathOf(n + 1), pages[n]);
            foreach (var (path, changed) in others) await SitemapXml.EntryAsync(x, "sitemap", baseUrl + path, changed);
            await x.WriteEndElementAsync();
        }, SitemapXml.ContentType);
    }

    private static async Task<IResult> ArticlesAsync(string page, BroadsheetDb db, IOptions<FeedOptions> options,
        SiteOrigin origin, TimeProvider clock, CancellationToken ct)
    {
        if (!SitemapPages.TryParse(page, out var number)) return Results.NotFound();
        var size = options.Value.SitemapPageSize;
        var rows = LiveArticles(db, clock).OrderBy(a => a.Id).Skip((number - 1) * size).Take(size)
            .Select(a => new { a.Slug, a.UpdatedAt, a.PublishedAt }).AsAsyncEnumerable().GetAsyncEnumerator(ct);
        // Peek before answering: a page past the last is a 404, not an empty sitemap.
        if (!await rows.MoveNextAsync())
        {
            await rows.DisposeAsync();
            return Results.NotFound();
        }
        var baseUrl = origin.Value;
        return Results.Stream(async body =>
        {
            await using var _ = rows;
            await using var x = SitemapXml.Open(body);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "urlset", SitemapXml.Ns);
            do
            {
                var row = rows.Current;
                await SitemapXml.EntryAsync(x, "url", baseUrl + SiteAddress.ArticlePath(row.Slug), SitemapXml.Later(row.UpdatedAt, row.PublishedAt));
            } while (await rows.MoveNextAsync());
            await x.WriteEndElementAsync();
        }, SitemapXml.ContentType);
    }

    private static async Task<IResult> SectionsAsync(BroadsheetDb db, SiteOrigin origin, TimeProvider clock, CancellationToken ct)
    {
        var sections = await SitemapSections.ListAsync(db, LiveArticles(db, clock), ct);
        var baseUrl = origin.Value;
        return Results.Stream(async body =>
        {
            await using var x = SitemapXml.Open(body);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "urlset", SitemapXml.Ns);
            foreach (var (path, lastmod) in sections) await SitemapXml.EntryAsync(x, "url", baseUrl + path, lastmod);
            await x.WriteEndElementAsync();
        }, SitemapXml.ContentType);
    }

    private static async Task<IResult> NewsAsync(BroadsheetDb db, IOptions<FeedOptions> options,
        IOptionsMonitor<SiteOptions> site, SiteOrigin origin, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        var stories = await LiveArticles(db, clock).Where(a => a.PublishedAt >= since).Newest().Take(NewsLimit)
            .Select(a => new { a.Slug, a.Title, PublishedAt = a.PublishedAt!.Value }).ToListAsync(ct);
        var baseUrl = origin.Value;
        var (name, language) = (site.CurrentValue.Name, options.Value.Language);
        return Results.Stream(async body =>
        {
            await using var x = SitemapXml.Open(body);
            await x.WriteStartDocumentAsync();
            await x.WriteStartElementAsync(null, "urlset", SitemapXml.Ns);
            await x.WriteAttributeStringAsync("xmlns", "news", null, SitemapXml.NewsNs);
            foreach (var story in stories)
            {
                await x.WriteStartElementAsync(null, "url", SitemapXml.Ns);
                await x.WriteElementStringAsync(null, "loc", SitemapXml.Ns, baseUrl + SiteAddress.ArticlePath(story.Slug));
                await x.WriteStartElementAsync("news", "news", SitemapXml.NewsNs);
                await x.WriteStartElementAsync("news", "publication", SitemapXml.NewsNs);
                await x.WriteElementStringAsync("news", "name", SitemapXml.NewsNs, name);
                await x.WriteElementStringAsync("news", "language", SitemapXml.NewsNs, language);
                await x.WriteEndElementAsync();
                await x.WriteElementStringAsync("news", "publication_date", SitemapXml.NewsNs, FeedDates.Rfc3339(story.PublishedAt));
                await x.WriteElementStringAsync("news", "title", SitemapXml.NewsNs, story.Title);
                await x.WriteEndElementAsync();
                await x.WriteEndElementAsync();
            }
            await x.WriteEndElementAsync();
        }, SitemapXml.ContentType);
    }
}
