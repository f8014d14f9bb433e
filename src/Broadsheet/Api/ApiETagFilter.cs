using Microsoft.AspNetCore.Http.Json;
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
/// </summary>
public sealed class ApiETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is INestedHttpResult nested) result = nested.Result; // Results<Ok<T>, ProblemHttpResult>
        if (result is not (IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: 200 })) return result;

        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), options)!;
        if (value is ISelectsFields selection) Select(node[selection.Property], selection.Fields);
        var body = JsonSerializer.SerializeToUtf8Bytes(node, options);
        var etag = $"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 18))}\"";

        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, no-cache";
        headers.Vary = "Authorization";
        if (Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
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
