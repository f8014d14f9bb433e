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

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store"; // errors; a good answer sets its own
        var limits = http.RequestServices.GetRequiredService<RequestLimits>();
        var key = KeyOf(http.Request);
        var prefix = key is null ? null : await http.RequestServices.GetRequiredService<ApiKeys>().AuthenticateAsync(key, http.RequestAborted);
        if (prefix is null)
        {
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (await limits.HitAsync(FailurePolicy, client, http.RequestAborted) is { } wait) return TooMany(http, wait);
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Broadsheet Content API\"";
            return ApiProblems.Unauthorized(key is null ? Missing : Invalid);
        }
        if (await limits.HitAsync(KeyPolicy, prefix, http.RequestAborted) is { } retry) return TooMany(http, retry);
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
