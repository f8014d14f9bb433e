using Broadsheet.Tests.Fixtures;
using System.IO.Compression;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Broadsheet.Tests.Host;

/// <summary>
/// The site's scripts and stylesheets go out at Brotli's smallest once they have been asked for:
/// they are on every page's way to its first paint (issue 21).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CompressedAssetsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static HttpRequestMessage Get(string path, string? acceptEncoding = "gzip, deflate, br, zstd")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [Theory]
    [InlineData("/lib/htmx/htmx.min.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task A_script_or_stylesheet_goes_out_as_Brotli_at_its_smallest_from_its_second_request_on(string path, string type)
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, path.TrimStart('/')));
        var smallest = new byte[BrotliEncoder.GetMaxCompressedLength(file.Length)];
        BrotliEncoder.TryCompress(file, smallest, out var smallestLength, quality: 11, window: 22).ShouldBeTrue();
        using var client = app.Client();
        var versioned = $"{path}?v={Guid.NewGuid():N}";

        // The first request starts the work off the request; the copy is ready soon after.
        HttpResponseMessage response;
        byte[] body;
        var tries = 0;
        do
        {
            if (tries++ > 0) await Task.Delay(100);
            response = await client.SendAsync(Get(versioned));
            body = await response.Content.ReadAsByteArrayAsync();
        }
        while (body.Length != smallestLength && tries < 300);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        body.Length.ShouldBe(smallestLength);
        using (var unpacked = new MemoryStream())
        {
            await new BrotliStream(new MemoryStream(body), CompressionMode.Decompress).CopyToAsync(unpacked);
            unpacked.ToArray().ShouldBe(file);
        }
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        response.Headers.GetValues("Content-Security-Policy").ShouldNotBeEmpty();

        // A browser that kept it asks again with its ETag and gets no body.
        var revalidate = Get(versioned);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        (await client.SendAsync(revalidate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // A client without Brotli still gets the file as it is.
        var plain = await client.SendAsync(Get(versioned, acceptEncoding: null));
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await plain.Content.ReadAsByteArrayAsync()).ShouldBe(file);
    }
}
