using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;

namespace Broadsheet.Media;

/// <summary>
/// Pictures live as files under Media:Directory (data/media by default) and are served at
/// /media/{name}. Names are made by the server and never reused for other bytes, so a
/// response can be cached for a year.
/// </summary>
public static class MediaFolder
{
    public const string UrlPrefix = "/media";

    public static string DirectoryOf(IConfiguration config, IWebHostEnvironment env) =>
        Path.GetFullPath(config["Media:Directory"] is { Length: > 0 } dir ? dir : "data/media", env.ContentRootPath);

    /// <summary>Widths of the smaller copies made on upload when Media:Widths is not set.</summary>
    public static readonly int[] DefaultWidths = [320, 640, 1024, 1600];

    /// <summary>The site-relative URL of a stored picture (an article's ImagePath), or null when there is none.</summary>
    public static string? UrlOf(string? imagePath) => imagePath is null ? null : $"{UrlPrefix}/{imagePath}";

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

/// <summary>
/// The srcset of a stored picture, derived from the files by naming ("{stem}-{width}.{ext}" for
/// each configured Media:Widths narrower than the original) so reader pages and cards need no
/// extra query. Which copies exist is learnt from the disk once per picture: names are never
/// reused, and a picture is only deleted when no article shows it. Imported pictures have no
/// copies and get a plain src.
/// </summary>
public sealed class MediaVariants(IConfiguration config, IWebHostEnvironment env)
{
    private readonly ConcurrentDictionary<string, string?> known = new(StringComparer.Ordinal);
    private readonly string folder = MediaFolder.DirectoryOf(config, env);
    private readonly int[] widths = config.GetSection("Media:Widths").Get<int[]>() is { Length: > 0 } w ? w : MediaFolder.DefaultWidths;

    /// <summary>"/media/x-320.jpg 320w, ..., /media/x.jpg 2000w", or null when there are no smaller copies.</summary>
    public string? SrcSet(string? imagePath, int? width)
    {
        if (imagePath is null || width is not > 0) return null;
        return known.GetOrAdd(imagePath, path =>
        {
            var (stem, ext) = (Path.GetFileNameWithoutExtension(path), Path.GetExtension(path));
            var copies = widths.Where(w => w < width && File.Exists(Path.Combine(folder, $"{stem}-{w}{ext}"))).Distinct().Order()
                .Select(w => $"{MediaFolder.UrlPrefix}/{stem}-{w}{ext} {w}w").ToList();
            return copies.Count == 0 ? null : string.Join(", ", [.. copies, $"{MediaFolder.UrlPrefix}/{path} {width}w"]);
        });
    }
}
