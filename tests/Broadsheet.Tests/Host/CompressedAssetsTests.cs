using Broadsheet.Tests.Fixtures;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Host;

/// <summary>
/// The site's scripts and stylesheets go out as Brotli made at build time (MapStaticAssets), from
/// their first request on: they are on every page's way to its first paint (issue 21).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class CompressedAssetsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static HttpRequestMessage Get(string path, string? acceptEncoding = "gzip, deflate, br, zstd")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [GeneratedRegex("""(?:src|href)="(?<url>/(?:css|js|lib)/[^"]+)"(?=[^>]*(?:defer|stylesheet|>))""")]
    private static partial Regex AssetLinks();

    [Theory]
    [InlineData("/lib/htmx/htmx.min.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task A_script_or_stylesheet_linked_from_a_page_goes_out_as_Brotli_from_its_first_request_and_is_kept_for_good(string file, string type)
    {
        var raw = await File.ReadAllBytesAsync(Path.Combine(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, file.TrimStart('/')));
        var fastest = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        BrotliEncoder.TryCompress(raw, fastest, out var fastestLength, quality: 1, window: 22).ShouldBeTrue();
        using var client = app.Client();
        var home = await client.GetStringAsync("/");
        var stem = file[..file.LastIndexOf('.')];
        var url = AssetLinks().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Single(u => u.StartsWith(stem, StringComparison.Ordinal) && u.Split('?')[0].EndsWith(Path.GetExtension(file), StringComparison.Ordinal));

        var response = await client.SendAsync(Get(url));
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        // Made ahead of time at a high quality: well under what compressing on the way out at the fastest level gives.
        body.Length.ShouldBeLessThan(fastestLength * 9 / 10, $"{url}: {body.Length} B vs {fastestLength} B at the fastest level");
        using (var unpacked = new MemoryStream())
        {
            await new BrotliStream(new MemoryStream(body), CompressionMode.Decompress).CopyToAsync(unpacked);
            unpacked.ToArray().ShouldBe(raw);
        }
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        response.Headers.GetValues("Content-Security-Policy").ShouldNotBeEmpty();

        // A browser that kept it asks again with its ETag and gets no body.
        var revalidate = Get(url);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await client.SendAsync(revalidate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // A client without Brotli still gets the file as it is.
        var plain = await client.SendAsync(Get(url, acceptEncoding: null));
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await plain.Content.ReadAsByteArrayAsync()).ShouldBe(raw);
    }

    [Fact]
    public async Task A_webfont_named_by_the_stylesheet_is_kept_for_a_month_not_revalidated_on_every_page()
    {
        using var client = app.Client();
        var css = await client.GetStringAsync("/css/site.css");
        var font = Regex.Match(css, """url\("(?<url>/fonts/[^"]+\.woff2)"\)""").Groups["url"].Value;
        font.ShouldNotBeEmpty();

        var response = await client.SendAsync(Get(font));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("font/woff2");
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(30));
        response.Headers.ETag.ShouldNotBeNull();
    }
}
