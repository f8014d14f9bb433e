using Broadsheet.Articles;
using Microsoft.Extensions.FileProviders;

namespace Broadsheet.Shared;

/// <summary>
/// Pictures live as files under Media:Directory (data/media by default) and are served at
/// /media/{name}. Names are made by the server and never reused for other bytes, so a
/// response can be cached for a year.
/// </summary>
public static class Media
{
    public const string UrlPrefix = "/media";

    public static string DirectoryOf(IConfiguration config, IWebHostEnvironment env) =>
        Path.GetFullPath(config["Media:Directory"] is { Length: > 0 } dir ? dir : "data/media", env.ContentRootPath);

    /// <summary>The site-relative URL of an article's picture, or null when it has none.</summary>
    public static string? UrlOf(Article a) => a.ImagePath is null ? null : $"{UrlPrefix}/{a.ImagePath}";

    /// <summary>The MIME type of a stored picture, from the extension the server gave it.</summary>
    public static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "application/octet-stream",
    };

    public static WebApplication UseMedia(this WebApplication app)
    {
        var folder = DirectoryOf(app.Configuration, app.Environment);
        Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = UrlPrefix,
            FileProvider = new PhysicalFileProvider(folder),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        return app;
    }
}
