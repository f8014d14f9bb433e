using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using Broadsheet.Tests.Fixtures;
using SkiaSharp;

namespace Broadsheet.Tests.Newsroom.Media;

/// <summary>The app with a small upload limit, so "too large" needs only a few hundred kilobytes.</summary>
public class MediaApp : BroadsheetApp
{
    public const long Limit = 200_000;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Media:MaxUploadBytes", Limit.ToString())];

    public string[] MediaFiles() => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Select(f => Path.GetFileName(f)).ToArray() : [];

    /// <summary>Posts the library's own upload form (its token included) with a file, as a browser does.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(ReaderSession session, string fileName, byte[] bytes,
        string alt = "A ferry leaving the harbour at dawn", string action = "/newsroom/media", bool htmx = false, bool token = true,
        string? credit = null, string? licence = null)
    {
        var (shown, page) = await session.GetPageAsync("/newsroom/media");
        ((int)shown.StatusCode).ShouldBe(200);
        using var form = new MultipartFormDataContent();
        if (token) form.Add(new StringContent(page.QuerySelector("form.media-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        form.Add(new StringContent(alt), "alt");
        if (credit is not null) form.Add(new StringContent(credit), "credit");
        if (licence is not null) form.Add(new StringContent(licence), "licence");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what a browser claims; the server ignores it
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await session.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return (response, await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)));
    }
}

/// <summary>Pictures made in the test, real and crafted.</summary>
public static class Samples
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, bool transparent = false)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(transparent ? new SKColor(0x3a, 0x6e, 0x8f, 0x80) : new SKColor(0x3a, 0x6e, 0x8f));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Orange })
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A real JPEG with an APP1 Exif segment naming a GPS position spliced in after SOI, as a phone writes one.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var tiff = new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0 };
        byte[] payload = [.. "Exif\0\0"u8, .. tiff, .. Encoding.ASCII.GetBytes("GPSLatitude 59.9139 N GPSLongitude 10.7522 E")];
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    /// <summary>A 1×1 animated-capable GIF89a (one transparent pixel), written by hand: SkiaSharp cannot encode GIF.</summary>
    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, // 1×1, a global colour table of 2
        0, 0, 0, 0xFF, 0xFF, 0xFF,
        0x21, 0xF9, 4, 1, 0, 0, 0, 0, // graphic control: colour 0 is transparent
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, // image descriptor
        2, 2, 0x44, 0x01, 0, // LZW data
        0x3B,
    ];

    /// <summary>A real 1×1 PNG whose header claims 100000×100000 pixels (CRC mended, so only the size is wrong).</summary>
    public static byte[] PngBomb()
    {
        var png = Encode(1, 1, SKEncodedImageFormat.Png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A GIF89a of <paramref name="frames"/> one-pixel frames, written by hand like <see cref="Gif"/>.</summary>
    public static byte[] GifOf(int frames)
    {
        byte[] frame = [0x21, 0xF9, 4, 0, 1, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
        return [.. Gif()[..19], .. Enumerable.Repeat(frame, frames).SelectMany(f => f), 0x3B];
    }

    public static byte[] PngWithZip() =>
        [.. Encode(40, 30, SKEncodedImageFormat.Png), .. "PK\u0003\u0004"u8, .. new byte[26], .. "evil.js"u8, .. "PK\u0005\u0006"u8, .. new byte[18]];

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
