using Broadsheet.Media;
using SkiaSharp;

namespace Broadsheet.Tests.Media;

/// <summary>The row-by-row PNG reader gives the pixels Skia's own decoder gives, for each kind it reads.</summary>
public sealed class PngRowsTests
{
    public static TheoryData<string> Kinds => ["rgba", "rgb", "grey"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_row_read_matches_what_skia_decodes_for_a_noisy_picture(string kind)
    {
        // Noise makes Skia's encoder use every filter (none, sub, up, average, Paeth) somewhere.
        var (width, height) = (301, 157);
        var random = new Random(14);
        var info = kind switch
        {
            "rgba" => new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
            "rgb" => new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque),
            _ => new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque),
        };
        using var source = new SKBitmap(info);
        var noise = new byte[source.ByteCount];
        random.NextBytes(noise);
        for (var i = 0; i < noise.Length; i++) noise[i] = (byte)((noise[i] & 0xF0) | (i / source.RowBytes % 16)); // smooth part for sub/up/average
        if (kind == "rgb") for (var i = 3; i < noise.Length; i += 4) noise[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(noise, 0, source.GetPixels(), noise.Length);
        var png = source.Encode(SKEncodedImageFormat.Png, 100).ToArray();

        using var codec = SKCodec.Create(new SKMemoryStream(png));
        var premul = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        using var expected = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, premul));
        codec.GetPixels(expected.Info, expected.GetPixels()).ShouldBe(SKCodecResult.Success);
        var want = expected.GetPixelSpan().ToArray();

        using var rows = PngRows.Open(png);
        rows.ShouldNotBeNull();
        (rows.Width, rows.Height).ShouldBe((width, height));
        var row = new byte[width * 4];
        var differences = 0;
        for (var y = 0; y < height; y++)
        {
            rows.ReadRow(row);
            for (var i = 0; i < row.Length; i++)
                if (Math.Abs(row[i] - want[y * expected.RowBytes + i]) > 1) differences++; // premultiplying may round the other way
        }
        rows.RowsRead.ShouldBe(height);
        differences.ShouldBe(0);
    }

    [Fact]
    public void An_interlaced_png_is_left_to_skia()
    {
        var png = TestPictureWithInterlace();
        PngRows.Open(png).ShouldBeNull();
    }

    private static byte[] TestPictureWithInterlace()
    {
        var png = Fixtures.TestPicture.Png(4, 4);
        png[28] = 1; // the CRC no longer matches, but the reader decides from the header alone
        return png;
    }
}
