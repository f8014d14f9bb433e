using Broadsheet.RateLimits;
using Broadsheet.Shared;
using System.Globalization;

namespace Broadsheet.Api;

/// <summary>
/// Every /api/v1 request needs a live key, as "Authorization: Bearer KEY" or "?key=KEY" (for
/// static-site builds that cannot set headers; the header wins when both are given).
/// Failures count against the client IP ("api-auth"), good keys against the key ("api").
/// A malformed, unknown, wrong or revoked key all get the same answer, so the answer tells a
/// guesser nothing.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    public const string KeyPolicy = "api";
    public const string FailurePolicy = "api-auth";
    public const string Missing = "An API key is required: send \"Authorization: Bearer <key>\" or add ?key=<key>.";
    public const string Invalid = "The API key is not valid. It may have been revoked; ask the newsroom for a new one.";
    public const string WrongOrigin = "This is a browser key: it answers only pages on the sites it was made for. Use a server key elsewhere.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store"; // errors; a good answer sets its own
        var limits = http.RequestServices.GetRequiredService<RequestLimits>();
        var key = KeyOf(http.Request);
        var caller = key is null ? null : await http.RequestServices.GetRequiredService<ApiKeys>().AuthenticateAsync(key, http.RequestAborted);
        if (caller is null)
        {
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (await limits.HitAsync(FailurePolicy, client, http.RequestAborted) is { } wait) return TooMany(http, wait);
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Broadsheet Content API\"";
            return ApiProblems.Unauthorized(key is null ? Missing : Invalid);
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (caller.Kind == ApiKeyKind.Browser)
        {
            // Answers differ by Origin from here on (CORS headers, or a 403), so caches must key on it.
            http.Response.Headers.Append("Vary", "Origin");
            if (!caller.Allows(origin)) return ApiProblems.Forbidden(WrongOrigin);
            // A browser key travels as ?key= (a simple GET, no preflight), so CORS is answered here,
            // for the key's own origins, whatever Api:Cors:Origins says. No credentials, as ever.
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.AccessControlExposeHeaders = "ETag, Retry-After, WWW-Authenticate";
        }
        if (await limits.HitAsync(KeyPolicy, caller.Prefix, http.RequestAborted) is { } retry) return TooMany(http, retry);
        return await next(context);
    }

    private static object TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.TooManyRequests(seconds);
    }

    /// <summary>The key as sent, or null when none was; an empty or non-Bearer Authorization counts as sent (and fails).</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
        var query = request.Query["key"];
        return query.Count == 0 ? null : query.ToString();
    }
}
