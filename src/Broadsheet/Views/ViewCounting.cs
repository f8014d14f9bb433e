using Broadsheet.Accounts;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;

namespace Broadsheet.Views;

/// <summary>
/// Counts article views. Runs before the output cache, so a page served from the cache is
/// counted like a rendered one; the request only adds to the in-memory buffer. A counted view
/// carries its referring domain (see <see cref="ReferrerDomain"/>), never the URL or the reader.
/// </summary>
public static class ViewCounting
{
    public static IServiceCollection AddViews(this IServiceCollection services)
    {
        services.AddSingleton<ViewBuffer>();
        services.AddSingleton<DailySalts>();
        services.AddSingleton<ViewFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewFlusher>());
        return services;
    }

    public static IApplicationBuilder UseViewCounting(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        var slug = ArticleSlug(http.Request.Path);
        if (slug is null) return;
        var request = http.Request;
        if (!CountableView.Decide(request.Method, http.Response.StatusCode, request.Headers.UserAgent, request.Headers["Sec-Purpose"],
                request.Headers["Purpose"], request.Headers["X-Moz"], request.Query.ContainsKey("preview")))
            return;

        var day = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var reader = http.User.UserId() is int id
            ? ReaderKey.ForUser(id)
            : ReaderKey.ForAnonymous(await http.RequestServices.GetRequiredService<DailySalts>().TodayAsync(http.RequestAborted),
                http.Connection.RemoteIpAddress?.ToString() ?? "", request.Headers.UserAgent.ToString());
        http.RequestServices.GetRequiredService<ViewBuffer>().TryAdd(new PendingView(slug, day, reader, Referrer(http)));
    });

    /// <summary>The referring domain, if another site sent the reader; our own host (as asked, or as configured) is not a referrer.</summary>
    private static string? Referrer(HttpContext http)
    {
        var baseUrl = http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUrl;
        var configured = Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) ? b.IdnHost : null;
        return ReferrerDomain.From(http.Request.Headers.Referer, http.Request.Host.Host, configured);
    }

    /// <summary>"/articles/{slug}" exactly (not its fragments), else null.</summary>
    public static string? ArticleSlug(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith("/articles/", StringComparison.Ordinal)) return null;
        var slug = value["/articles/".Length..];
        return Slug.IsValid(slug) ? slug : null;
    }
}
