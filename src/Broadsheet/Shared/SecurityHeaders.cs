namespace Broadsheet.Shared;

/// <summary>Headers that make every response safer to render: no framing, no sniffing, no third-party scripts.</summary>
public static class SecurityHeaders
{
    // Scripts and styles come only from our own origin (htmx is served from wwwroot).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string OpenerPolicy = "Cross-Origin-Opener-Policy";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            // Decided when the response starts: by then authentication has run, and a page replayed
            // from the output cache (whose stored headers are whoever rendered it first) is corrected.
            context.Response.OnStarting(DecideOpenerPolicy, context);
            return next(context);
        });

    /// <summary>
    /// Cross-Origin-Opener-Policy cuts a window that opened ours off from it: no navigating a
    /// reader's tab to a look-alike page, no probing it. It is sent on every response that carries
    /// a reader's state or takes credentials or tokens: anything signed in, anything but a GET, the
    /// account, newsroom and setup pages, mail links. An anonymous reader's public page (the shared
    /// cached bytes every reader gets) carries nothing of anyone's, and there the header costs a
    /// new renderer process on each arrival in a tab that held another site, which phone browsers
    /// without full site isolation pay: a quiet Lighthouse A/B put home at 91 with it and 99
    /// without (docs/benchmarks.md, "what Cross-Origin-Opener-Policy costs"). So public reading
    /// paths, read anonymously, go without it. A path not listed here gets the header.
    /// </summary>
    private static Task DecideOpenerPolicy(object state)
    {
        var context = (HttpContext)state;
        if (IsAnonymousPublicRead(context)) context.Response.Headers.Remove(OpenerPolicy);
        else context.Response.Headers[OpenerPolicy] = "same-origin";
        return Task.CompletedTask;
    }

    private static readonly string[] PublicReading =
        ["/articles", "/category", "/author", "/tag", "/latest", "/trending", "/search", "/people", "/pages", "/corrections", "/developers"];

    private static bool IsAnonymousPublicRead(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true) return false;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return false;
        var path = context.Request.Path;
        if (path == "/" || !path.HasValue) return true;
        foreach (var prefix in PublicReading)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
