using Broadsheet.Accounts;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;

namespace Broadsheet.Views;

/// <summary>
/// Counts article views. Runs before the output cache, so a page served from the cache is
/// counted like a rendered one; the request only adds to the in-memory buffer, as its response
/// starts. A counted view carries its referring domain (see <see cref="ReferrerDomain"/>), never the URL or the reader.
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

    public static IApplicationBuilder UseViewCounting(this IApplicationBuilder app)
    {
        IViewPaths[] others = [.. app.ApplicationServices.GetServices<IViewPaths>()];
        return app.Use((http, next) =>
        {
            var path = http.Request.Path;
            var slug = ArticleSlug(path);
            // Counted as the response starts, not after it ends: by the time a reader (or a test) has
            // the page, the view is already in the buffer, so a flush straight after it includes it.
            if (slug is not null) http.Response.OnStarting(() => CountAsync(http, slug));
            else if (others.FirstOrDefault(o => o.Claims(path)) is { } owner)
                http.Response.OnStarting(async () =>
                {
                    // Only a 200 is ever counted: a missing page costs no lookup.
                    if (http.Response.StatusCode == StatusCodes.Status200OK && await owner.ArticleSlugAsync(path, http.RequestAborted) is { } key)
                        await CountAsync(http, key);
                });
            return next(http);
        });
    }

    private static async Task CountAsync(HttpContext http, string slug)
    {
        var request = http.Request;
        if (!CountableView.Decide(request.Method, http.Response.StatusCode, request.Headers.UserAgent, request.Headers["Sec-Purpose"],
                request.Headers["Purpose"], request.Headers["X-Moz"], request.Query.ContainsKey("preview")))
            return;
        try
        {
            var day = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var reader = http.User.UserId() is int id
                ? ReaderKey.ForUser(id)
                : ReaderKey.ForAnonymous(await http.RequestServices.GetRequiredService<DailySalts>().TodayAsync(http.RequestAborted),
                    http.Connection.RemoteIpAddress?.ToString() ?? "", request.Headers.UserAgent.ToString());
            http.RequestServices.GetRequiredService<ViewBuffer>().TryAdd(new PendingView(slug, day, reader, Referrer(http)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only today's salt can fail here (its database was unreachable). The page is still served.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ViewCounting)).LogWarning(ex, "A view of {Slug} was not counted", slug);
        }
        catch (OperationCanceledException) { } // the reader left before the page began
    }

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
