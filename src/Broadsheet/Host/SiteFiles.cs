using Microsoft.AspNetCore.StaticAssets;

namespace Broadsheet.Host;

/// <summary>
/// wwwroot's files through ASP.NET Core's MapStaticAssets: compressed at build time (Brotli and gzip,
/// Broadsheet.csproj's BuildCompressionFormats, so a Release build serves what a publish does), a
/// content ETag on every file, and a year's immutable caching for the fingerprinted URLs that
/// asp-append-version writes. It replaced a hand-written Brotli cache that did the same at run time
/// (issue 21).
/// </summary>
public static class SiteFiles
{
    // Fonts are named by the stylesheet, so their URLs carry no fingerprint and would be revalidated
    // on every page ("no-cache"). They change only with the font's package version (wwwroot/fonts/README.md).
    private const string FontCaching = "public, max-age=2592000";

    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapStaticAssets();
        files.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is not { } asset
                || !asset.AssetPath.StartsWith("fonts/", StringComparison.Ordinal) || endpoint.RequestDelegate is not { } serve) return;
            endpoint.RequestDelegate = http =>
            {
                http.Response.OnStarting(() =>
                {
                    if (http.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                        http.Response.Headers.CacheControl = FontCaching;
                    return Task.CompletedTask;
                });
                return serve(http);
            };
        });
        // Nothing after routing (demo preparation, sign-in, the page cache) concerns a file.
        files.ShortCircuit();
        return app;
    }
}
