using Broadsheet.Media;
using Broadsheet.Shared;
using SkiaSharp;

namespace Broadsheet.Newsroom.Media;

/// <summary>A checked, cleaned upload ready to write: the full size and each smaller copy, as fresh bytes.</summary>
public sealed record PreparedPicture(string Extension, int Width, int Height, byte[] Full, IReadOnlyList<(int Width, byte[] Bytes)> Variants);

/// <summary>
/// The checks an upload passes, in order, each with the sentence the uploader sees (422 otherwise).
/// JPEG, PNG and WebP keep their format; a GIF becomes a PNG still of its first frame, because
/// SkiaSharp cannot encode GIF and keeping the uploader's own GIF bytes would keep whatever they
/// carry (comment blocks, a second file). Every stored byte comes from our encoder.
/// </summary>
public static class MediaUpload
{
    public static PreparedPicture? Prepare(byte[] data, string? name, MediaOptions options, out string error)
    {
        error = UploadName.Problem(name) ?? "";
        if (error.Length > 0) return null;
        if (data.Length == 0) { error = $"\"{name}\" is empty (0 bytes). Choose the picture again."; return null; }
        if (data.Length > options.MaxUploadBytes) { error = TooLarge(options); return null; }
        if (ImageContainer.LooksLikeSvg(data))
        {
            error = $"\"{name}\" is an SVG drawing. SVG files can carry scripts, so they are not accepted: export it as PNG instead.";
            return null;
        }
        if (ImageContainer.Sniff(data) is not { } kind)
        {
            error = $"\"{name}\" is not a JPEG, PNG, WebP or GIF picture (its content is something else, whatever its name says).";
            return null;
        }
        using var upright = Pictures.Decode(data, options.Limits, out var decoded, out var why);
        if (upright is null) { error = $"\"{name}\" was refused: {why}."; return null; }
        if (KindOf(decoded) != kind || ImageContainer.EndOf(data, kind) != data.Length || ImageContainer.CarriesMarkup(data))
        {
            error = $"\"{name}\" is a {kind} picture with something else inside or after it (another file, markup or script). Save it afresh from an image editor and upload that.";
            return null;
        }
        return Encode(upright, kind, options, out error);
    }

    /// <summary>
    /// A picture the server drew itself (the demo newsroom's), prepared exactly as an upload is once
    /// it has decoded: a fresh JPEG and one copy per configured width. Null if the encoder fails.
    /// </summary>
    public static PreparedPicture? FromDrawing(SKBitmap drawn, MediaOptions options) => Encode(drawn, ImageKind.Jpeg, options, out _);

    public static string TooLarge(MediaOptions options) =>
        $"The file is larger than {MediaOptions.Megabytes(options.MaxUploadBytes)}, the largest upload allowed. Make it smaller (fewer pixels or a lower JPEG quality) and try again.";

    private static PreparedPicture? Encode(SKBitmap upright, ImageKind kind, MediaOptions options, out string error)
    {
        var (format, extension, quality) = kind switch
        {
            ImageKind.Jpeg => (SKEncodedImageFormat.Jpeg, "jpg", Pictures.JpegQuality),
            ImageKind.WebP => (SKEncodedImageFormat.Webp, "webp", 82),
            _ => (SKEncodedImageFormat.Png, "png", 100),
        };
        error = "The picture could not be re-encoded. Save it afresh from an image editor and try again.";
        if (Pictures.Encode(upright, format, quality) is not { } full) return null;
        var variants = new List<(int, byte[])>();
        foreach (var width in options.EffectiveWidths.Where(w => w > 0 && w < upright.Width).Distinct().Order())
        {
            using var smaller = Pictures.Resize(upright, width);
            if (Pictures.Encode(smaller, format, quality) is not { } bytes) return null;
            variants.Add((width, bytes));
        }
        error = "";
        return new PreparedPicture(extension, upright.Width, upright.Height, full, variants);
    }

    private static ImageKind? KindOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ImageKind.Jpeg,
        SKEncodedImageFormat.Png => ImageKind.Png,
        SKEncodedImageFormat.Webp => ImageKind.WebP,
        SKEncodedImageFormat.Gif => ImageKind.Gif,
        _ => null,
    };
}
