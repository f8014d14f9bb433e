using SkiaSharp;

namespace Broadsheet.Media;

/// <summary>A picture that decoded, drawn upright and encoded afresh: pixels only, no metadata.</summary>
public sealed record CleanPicture(byte[] Bytes, string Extension, int Width, int Height);

/// <summary>
/// Pictures from outside (an import, later the newsroom's uploads) are only ever stored after
/// a full decode and a fresh encode: a file that does not decode is refused whatever its name
/// says, and the new file carries no EXIF, GPS position, comments or colour-profile payloads.
/// The EXIF orientation is applied to the pixels first, so the picture does not turn sideways
/// when the tag that rotated it is dropped. Pictures with transparency stay PNG; the rest become JPEG.
/// </summary>
public static class Pictures
{
    /// <summary>Refuse decompression bombs before allocating: 50 megapixels is a large camera's full frame (uploads: Media:MaxPixels).</summary>
    public const long MaxPixels = 50_000_000;
    public const int JpegQuality = 88;

    /// <summary>The cleaned picture, or null with the reason when the bytes are not a picture we take.</summary>
    public static CleanPicture? Clean(byte[] data, out string error)
    {
        using var upright = Decode(data, MaxPixels, out _, out error);
        if (upright is null) return null;
        var opaque = upright.AlphaType == SKAlphaType.Opaque;
        var bytes = Encode(upright, opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png);
        if (bytes is null) { error = "the picture could not be re-encoded"; return null; }
        return new CleanPicture(bytes, opaque ? ".jpg" : ".png", upright.Width, upright.Height);
    }

    /// <summary>
    /// Decodes the first frame and turns it upright, or returns null with the reason. The size and
    /// frame count are read from the header and checked against the limits before any pixel
    /// memory is allocated, so a small file that claims a huge canvas costs nothing; a picture
    /// larger than <see cref="DecodeLimits.MaxSide"/> is scaled down while it is decoded.
    /// </summary>
    public static SKBitmap? Decode(byte[] data, long maxPixels, out SKEncodedImageFormat format, out string error) =>
        Decode(data, new DecodeLimits(maxPixels), out format, out error);

    public static SKBitmap? Decode(byte[] data, DecodeLimits limits, out SKEncodedImageFormat format, out string error)
    {
        error = "";
        format = default;
        using var codec = SKCodec.Create(new SKMemoryStream(data));
        if (codec is null) { error = "not a picture (it does not decode as JPEG, PNG, GIF or WebP)"; return null; }
        format = codec.EncodedFormat;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > limits.MaxPixels)
        {
            error = $"{info.Width}×{info.Height} pixels is more than {limits.MaxPixels / 1_000_000.0:0.#} megapixels";
            return null;
        }
        // Only the first frame is kept, but counting the frames parses them all: a cap keeps that bounded too.
        if (limits.MaxFrames < int.MaxValue && codec.FrameCount > limits.MaxFrames)
        {
            error = $"it has {codec.FrameCount} frames, more than the {limits.MaxFrames} allowed";
            return null;
        }
        var opaque = info.AlphaType == SKAlphaType.Opaque;
        using var decoded = BoundedDecode.Decode(data, codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul), limits, out error);
        if (decoded is null) return null;
        var upright = Upright(decoded, codec.EncodedOrigin);
        if (Math.Max(upright.Width, upright.Height) <= limits.MaxSide) return upright;
        using (upright) return Fit(upright, limits.MaxSide);
    }

    /// <summary>Fresh bytes in the given format: pixels only, no metadata. Null if the encoder fails.</summary>
    public static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = JpegQuality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded?.ToArray();
    }

    /// <summary>A smaller copy <paramref name="width"/> pixels wide, the height in proportion.</summary>
    public static SKBitmap Resize(SKBitmap source, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        // Mitchell's cubic filter: sharp enough for text in screenshots, without the ringing of Lanczos.
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException($"Could not resize a {source.Width}×{source.Height} picture to {width} wide.");
    }

    /// <summary>The picture scaled so that its longest side is <paramref name="maxSide"/>, the other in proportion.</summary>
    private static SKBitmap Fit(SKBitmap source, int maxSide)
    {
        var scale = (double)maxSide / Math.Max(source.Width, source.Height);
        var (width, height) = (Math.Clamp((int)Math.Round(source.Width * scale), 1, maxSide), Math.Clamp((int)Math.Round(source.Height * scale), 1, maxSide));
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException($"Could not resize a {source.Width}×{source.Height} picture to {width}×{height}.");
    }

    /// <summary>Writes the picture under a new server-made name in the folder; returns the name.</summary>
    public static async Task<string> SaveAsync(CleanPicture picture, string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + picture.Extension;
        await using var file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write);
        await file.WriteAsync(picture.Bytes, ct);
        return name;
    }

    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest)); // whole pixels moved, none blended
        return target;
    }

    // The transform that takes stored pixels to upright ones, for each of EXIF's eight orientations.
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
