using SkiaSharp;

namespace Broadsheet.Tests.Fixtures;

/// <summary>Real, decodable pictures of a chosen size, for featured-picture tests.</summary>
public static class TestPicture
{
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0x3a, 0x6e, 0x8f));
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
