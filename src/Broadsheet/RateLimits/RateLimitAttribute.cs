using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using System.Globalization;

namespace Broadsheet.RateLimits;

/// <summary>
/// Limits a page's POST handlers by client IP (the real one: forwarded headers are only
/// honoured from trusted proxies). Over the limit: 429 with Retry-After and a readable answer,
/// inline for the htmx dialog, a full page otherwise. GETs are never limited here.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public string Policy { get; } = policy;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) { await next(); return; }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limits = http.RequestServices.GetRequiredService<RequestLimits>();
        var retryAfter = await limits.HitAsync(Policy, client, http.RequestAborted);
        if (retryAfter is null) { await next(); return; }

        var seconds = (int)Math.Ceiling(retryAfter.Value.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.RateLimits")
            .LogWarning("Rate limit {Policy} reached for {Client}; retry after {Seconds} s", Policy, client, seconds);
        var wait = seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
        if (http.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
                ContentType = "text/html; charset=utf-8",
                Content = $"""<div class="account-panel"><p class="form-error" role="alert">Too many attempts from your network. Try again in {wait}.</p></div>""",
            };
            return;
        }
        context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }
}
