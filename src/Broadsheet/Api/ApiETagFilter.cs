using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Broadsheet.Api;

/// <summary>
/// Writes a successful answer itself: cuts articles down to the chosen fields, then gives the
/// bytes a strong ETag (SHA-256 of the body) and answers a matching If-None-Match with 304.
/// Responses are per key, so "private, no-cache": a browser may keep one but must revalidate,
/// and shared caches must not store it (a ?key= URL would otherwise leak through a proxy).
/// The body itself is the same for every key, so it is kept in the reader pages' output-cache
/// store, under the same tag and lifetime (<see cref="PageCache"/>): a content change evicts it
/// with the pages, and a repeat within the lifetime reads no database. The key was checked first
/// (<see cref="ApiKeyFilter"/> runs before this filter), so a cached answer still needs a good key.
/// A scheduled story goes live by the clock, with no event to evict anything: a kept answer is
/// therefore good only until the next scheduled story is due (by the app's clock, stored with
/// the bytes), so the API shows a due story at once, before the scheduler flips it, as the
/// site's own uncached search does (issue 17; <c>SearchScheduleTests</c>).
/// </summary>
public sealed class ApiETagFilter(IOutputCacheStore store, IConfiguration config, TimeProvider clock) : IEndpointFilter
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Caching:PageSeconds", 1)));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cacheKey = lifetime > TimeSpan.Zero ? CacheKey(http.Request) : null;
        var body = cacheKey is null ? null : Fresh(await store.GetAsync(cacheKey, http.RequestAborted));
        if (body is null)
        {
            var result = await next(context);
            if (result is INestedHttpResult nested) result = nested.Result; // Results<Ok<T>, ProblemHttpResult>
            if (result is not (IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 })) return result;

            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var node = JsonSerializer.SerializeToNode(value, value.GetType(), options)!;
            if (value is ISelectsFields selection) Select(node[selection.Property], selection.Fields);
            body = JsonSerializer.SerializeToUtf8Bytes(node, options);
            if (cacheKey is not null)
                await store.SetAsync(cacheKey, Stamped(body, await GoodUntilAsync(http)), [PageCache.ContentTag], lifetime, http.RequestAborted);
        }
        var etag = $"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 18))}\"";

        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        headers.Append("Vary", "Authorization");
        if (Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    // The first 8 bytes of a kept answer: the app-clock time (ticks) at which it stops being true.
    private const int StampBytes = sizeof(long);

    private byte[]? Fresh(byte[]? kept) =>
        kept is { Length: >= StampBytes } && BitConverter.ToInt64(kept, 0) > clock.GetUtcNow().UtcTicks ? kept[StampBytes..] : null;

    private static byte[] Stamped(byte[] body, DateTime goodUntil)
    {
        var kept = new byte[StampBytes + body.Length];
        BitConverter.TryWriteBytes(kept, goodUntil.Ticks);
        body.CopyTo(kept, StampBytes);
        return kept;
    }

    // The lifetime by the app's clock, cut short by the next scheduled story's time (one seek in
    // the (Status, PublishedAt) index, on a miss only).
    private async Task<DateTime> GoodUntilAsync(HttpContext http)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var db = http.RequestServices.GetRequiredService<BroadsheetDb>();
        var next = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > now)
            .MinAsync(a => a.PublishedAt, http.RequestAborted);
        var end = now + lifetime;
        return next is { } due && due < end ? due : end;
    }

    /// <summary>The path and query without the key: the answer does not depend on which good key asked.</summary>
    private static string CacheKey(HttpRequest request)
    {
        var query = string.Join('&', request.Query.Where(q => q.Key != ApiQueryFilter.KeyParameter)
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? ""))));
        return $"api\u001e{request.Path}\u001e{query}";
    }

    private static void Select(JsonNode? node, IReadOnlySet<string> fields)
    {
        var articles = node is JsonArray list ? list.OfType<JsonObject>() : node is JsonObject one ? [one] : [];
        foreach (var article in articles)
            foreach (var name in article.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList())
                article.Remove(name);
    }

    /// <summary>If-None-Match may list several tags, or "*"; a weak W/ form of ours matches too (RFC 9110 weak comparison).</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        foreach (var raw in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries))
        {
            var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
            if (tag == "*" || tag == etag) return true;
        }
        return false;
    }
}
