using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using System.Text;
using System.Xml;

namespace Broadsheet.Feeds;

/// <summary>/feed, /feed/atom, the same under /category/{slug}, /author/{slug} and /tag/{slug}, and /corrections/feed(/atom).</summary>
public static class FeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Anonymous copies come from the page cache and leave it when content changes.
        app.MapGet("/feed", (HttpContext http, IOptionsMonitor<SiteOptions> site) => ServeAsync(http, FeedSource.Site(site.CurrentValue), rss: true))
            .CacheOutput(PageCache.Policy);
        app.MapGet("/feed/atom", (HttpContext http, IOptionsMonitor<SiteOptions> site) => ServeAsync(http, FeedSource.Site(site.CurrentValue), rss: false))
            .CacheOutput(PageCache.Policy);
        app.MapGet("/corrections/feed", (HttpContext http, IOptionsMonitor<SiteOptions> site) => ServeAsync(http, FeedSource.Corrections(site.CurrentValue), rss: true, corrections: true))
            .CacheOutput(PageCache.Policy);
        app.MapGet("/corrections/feed/atom", (HttpContext http, IOptionsMonitor<SiteOptions> site) => ServeAsync(http, FeedSource.Corrections(site.CurrentValue), rss: false, corrections: true))
            .CacheOutput(PageCache.Policy);
        // A live story's entries (Live/): 404 for a story that was never live.
        app.MapGet("/articles/{slug}/feed", (HttpContext http, string slug, CancellationToken ct) => ServeLiveAsync(http, slug, rss: true, ct))
            .CacheOutput(PageCache.Policy);
        app.MapGet("/articles/{slug}/feed/atom", (HttpContext http, string slug, CancellationToken ct) => ServeLiveAsync(http, slug, rss: false, ct))
            .CacheOutput(PageCache.Policy);
        foreach (var kind in FeedSource.Kinds)
        {
            app.MapGet($"/{kind}/{{slug}}/feed", (HttpContext http, string slug, CancellationToken ct) => ServeScopedAsync(http, kind, slug, rss: true, ct))
                .CacheOutput(PageCache.Policy);
            app.MapGet($"/{kind}/{{slug}}/feed/atom", (HttpContext http, string slug, CancellationToken ct) => ServeScopedAsync(http, kind, slug, rss: false, ct))
                .CacheOutput(PageCache.Policy);
        }
    }

    private static async Task<IResult> ServeScopedAsync(HttpContext http, string kind, string slug, bool rss, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<BroadsheetDb>();
        var site = http.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        var source = await FeedSource.FindAsync(db, site, kind, slug, ct);
        return source is null ? Results.NotFound() : await ServeAsync(http, source, rss);
    }

    private static async Task<IResult> ServeLiveAsync(HttpContext http, string slug, bool rss, CancellationToken ct)
    {
        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var take = services.GetRequiredService<IOptions<FeedOptions>>().Value.Items;
        var found = await LiveFeedItems.FindAsync(services.GetRequiredService<BroadsheetDb>(), slug, now, take, ct);
        return found is { } live ? await ServeAsync(http, live.Source, rss, items: live.Items) : Results.NotFound();
    }

    private static async Task<IResult> ServeAsync(HttpContext http, FeedSource source, bool rss, bool corrections = false, List<FeedItem>? items = null)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<FeedOptions>>().Value;
        var site = services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        var media = services.GetRequiredService<MediaFiles>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var db = services.GetRequiredService<BroadsheetDb>();
        items ??= corrections
            ? await FeedItems.CorrectionsAsync(db, now, options.Items, http.RequestAborted)
            : await FeedItems.NewestAsync(db, source, now, options.Items, withBody: options.Content == FeedContent.Full, http.RequestAborted);

        var baseUrl = services.GetRequiredService<SiteOrigin>().Value;
        var feed = new FeedDocument(baseUrl, http.Request.Path.Value!, source, items, options.Language, path => media.Of(baseUrl, path));
        var body = Render(feed, rss);

        var etag = ConditionalGet.ETagOf(body);
        var headers = http.Response.GetTypedHeaders();
        http.Response.Headers.ETag = etag;
        headers.LastModified = feed.Updated;
        var request = http.Request.Headers;
        if (ConditionalGet.IsNotModified(request.IfNoneMatch, request.IfModifiedSince, etag, feed.Updated))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, rss ? RssWriter.ContentType : AtomWriter.ContentType);
    }

    private static byte[] Render(FeedDocument feed, bool rss)
    {
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            if (rss) RssWriter.Write(x, feed);
            else AtomWriter.Write(x, feed);
        }
        return buffer.ToArray();
    }
}
