using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Media;

/// <summary>The media library's services, and the early size check on uploads.</summary>
public static class MediaServices
{
    public const string Path = "/newsroom/media";

    public static IServiceCollection AddMediaLibrary(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MediaOptions>(config.GetSection("Media"));
        services.AddScoped<MediaLibrary>();
        services.AddScoped<Broadsheet.Import.IPictureLibrary, ImportPictures>();
        services.AddScoped<LibraryViews>();
        services.AddSingleton<UploadGate>();
        services.AddSingleton<Broadsheet.Media.MediaVariants>();
        return services;
    }

    /// <summary>
    /// Runs after authorization, before the page: an upload larger than Media:MaxUploadBytes is
    /// refused with 413 from its Content-Length before a byte is read, and a body without one is
    /// cut off by Kestrel's limit for this request. The form is read here, so the limit's error
    /// becomes a readable 413 instead of a failed antiforgery check further on.
    /// </summary>
    public static WebApplication MapMediaLibrary(this WebApplication app)
    {
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
                         && c.Request.HasFormContentType && c.User.Identity?.IsAuthenticated == true,
            branch => branch.Use(async (context, next) =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value;
                var limit = options.MaxUploadBytes + MediaOptions.FormOverhead;
                if (context.Request.ContentLength > limit) { await TooLargeAsync(context, options); return; }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
                try { await context.Request.ReadFormAsync(context.RequestAborted); }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    await TooLargeAsync(context, options);
                    return;
                }
                await next(context);
            }));
        return app;
    }

    private static Task TooLargeAsync(HttpContext context, MediaOptions options)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.Connection = "close"; // the rest of the body is not read
        var message = System.Net.WebUtility.HtmlEncode(MediaUpload.TooLarge(options));
        var html = context.Request.Headers.ContainsKey("HX-Request")
            ? $"""<p class="form-error" role="alert" id="upload-error">{message}</p>"""
            : $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>File too large</title><link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/newsroom.css"></head><body><main class="media-library"><h1>File too large</h1><p class="form-error" role="alert">{message}</p><p><a href="{Path}">Back to the media library</a></p></main></body></html>""";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
