namespace Broadsheet.Shared;

/// <summary>Headers that make every response safer to render: no framing, no sniffing, no third-party scripts.</summary>
public static class SecurityHeaders
{
    // Scripts and styles come only from our own origin (htmx is served from wwwroot).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
