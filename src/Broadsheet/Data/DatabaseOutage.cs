using Microsoft.AspNetCore.Diagnostics;

using Broadsheet.Shared;

namespace Broadsheet.Data;

/// <summary>
/// While the database is unreachable every request that needs it answers 503 with Retry-After:
/// API, JSON and htmx callers get problem+json here; pages fall through to the error page,
/// which renders "We will be right back" in the site's layout (see <see cref="ErrorModel"/>).
/// A write that failed therefore never reaches the code that would report it as saved.
/// </summary>
public sealed class DatabaseOutage(IConfiguration config, ILogger<DatabaseOutage> log) : IExceptionHandler
{
    /// <summary>Database:RetryAfterSeconds, 10 by default: how long a client should wait before trying again.</summary>
    public static int RetryAfterSeconds(IConfiguration config) =>
        Math.Clamp(config.GetValue("Database:RetryAfterSeconds", 10), 1, 3600);

    public static void MarkUnavailable(HttpResponse response, IConfiguration config)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds(config).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;
        // The middleware has already pointed the request at the error page; the original path decides.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        // One line without the stack: an outage is an operator's event, not a bug to debug.
        log.LogWarning("Database unavailable during {Method} {Path}: {Reason}", http.Request.Method, path, exception.GetBaseException().Message);
        if (!WantsJson(path, http.Request.Headers)) return false; // the error page shows the outage in the layout
        MarkUnavailable(http.Response, config);
        await Results.Problem(
            detail: "The site cannot reach its database right now. Nothing was saved. Try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable").ExecuteAsync(http);
        return true;
    }

    private static bool WantsJson(string path, IHeaderDictionary headers) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        || headers.ContainsKey("HX-Request")
        || headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
