using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Host;

/// <summary>
/// The site's own stylesheets and scripts (wwwroot: css, js, htmx, the favicon) sent as Brotli at
/// its smallest (quality 11), made once per file and kept in memory. Response compression runs at
/// its fastest level, right for pages rendered per request but 25-30 % larger on files that never
/// change: htmx went out as 22.3 KB instead of about 15 KB, and these bytes are on every page's way
/// to its first paint on a phone (issue 21). A file's first request starts the work in the
/// background and is served as before; the ones after it get the small copy. Anything else (no
/// "br" in Accept-Encoding, a range, another kind of file) falls through to the static files.
/// </summary>
public sealed class CompressedAssets(IWebHostEnvironment env, ILogger<CompressedAssets> log)
{
    private static readonly FileExtensionContentTypeProvider Types = new();
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js", ".svg" };

    private sealed record Copy(byte[] Brotli, DateTimeOffset LastModified, long Length, string ETag);

    private readonly ConcurrentDictionary<string, Copy> copies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> working = new(StringComparer.Ordinal);

    /// <summary>Cache-Control for a file from wwwroot: asp-append-version's ?v=hash makes it safe to keep for good.</summary>
    public static string CacheControlFor(HttpRequest request) =>
        request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.HasValue || !Extensions.Contains(Path.GetExtension(request.Path.Value))
            || request.Headers.Range.Count > 0 || !AcceptsBrotli(request)
            || env.WebRootFileProvider.GetFileInfo(request.Path.Value) is not { Exists: true, IsDirectory: false } file
            || !Types.TryGetContentType(file.Name, out var contentType))
        {
            await next(http);
            return;
        }

        var path = request.Path.Value;
        if (!copies.TryGetValue(path, out var copy) || copy.LastModified != file.LastModified || copy.Length != file.Length)
        {
            Compress(path, file);
            await next(http); // this once, the fast compression on the way out
            return;
        }

        var response = http.Response;
        var headers = response.Headers;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = CacheControlFor(request);
        headers.ETag = copy.ETag;
        headers.LastModified = copy.LastModified.ToString("R");
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(copy.ETag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        headers.ContentEncoding = "br";
        response.ContentLength = copy.Brotli.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await response.Body.WriteAsync(copy.Brotli, http.RequestAborted);
    }

    private static bool AcceptsBrotli(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Any(e => e.Trim().StartsWith("br", StringComparison.OrdinalIgnoreCase)
            && !e.Replace(" ", "").EndsWith(";q=0", StringComparison.Ordinal)));

    /// <summary>Quality 11 takes tens of milliseconds per file: off the request, once at a time per file.</summary>
    private void Compress(string path, IFileInfo file)
    {
        if (!working.TryAdd(path, 0)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var source = file.CreateReadStream();
                using var raw = new MemoryStream();
                await source.CopyToAsync(raw);
                var input = raw.ToArray();
                var output = new byte[BrotliEncoder.GetMaxCompressedLength(input.Length)];
                if (!BrotliEncoder.TryCompress(input, output, out var written, quality: 11, window: 22)) return;
                // The ETag names the file's version and this encoding, so a cache never mixes the two bodies.
                var etag = $"\"{Convert.ToString(file.LastModified.ToFileTime() ^ file.Length, 16)}-br\"";
                copies[path] = new Copy(output[..written], file.LastModified, file.Length, etag);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Could not compress {Path} ahead of time ({Error}); it goes out with the usual compression.", path, e.Message);
            }
            finally
            {
                working.TryRemove(path, out _);
            }
        });
    }
}
