using System.Runtime.InteropServices;
using SkiaSharp;

namespace Broadsheet.Media;

/// <summary>
/// What one decode may cost, checked against the header before any pixel memory is allocated:
/// at most <paramref name="MaxPixels"/> and <paramref name="MaxFrames"/>, and
/// <paramref name="MaxSide"/> is the longest side kept.
/// </summary>
public sealed record DecodeLimits(long MaxPixels, int MaxSide = int.MaxValue, int MaxFrames = int.MaxValue);

/// <summary>
/// Decodes a picture larger than it will be kept without holding it at full size where it can:
/// JPEG (in eighths) and WebP (at any scale) are decoded by the codec straight to about the size
/// kept; a common PNG is read a row at a time (<see cref="PngRows"/>, as this Skia has no
/// row-by-row PNG decoding) and averaged down in k × k blocks as it goes. So their memory depends
/// on MaxSide, not on the size the file claims. The rest (GIF, interlaced or 16-bit PNG) is
/// decoded whole, at most MaxPixels × 4 bytes, then averaged down and released; the upload gate
/// (Media:Concurrency) bounds how many of those run at once. The result may still be up to twice
/// MaxSide; the caller resizes it with a proper filter.
/// </summary>
internal static class BoundedDecode
{
    public static SKBitmap? Decode(ReadOnlySpan<byte> data, SKCodec codec, SKImageInfo full, DecodeLimits limits, out string error)
    {
        var longSide = Math.Max(full.Width, full.Height);
        if (longSide <= limits.MaxSide) return Whole(codec, full, out error);
        var scaled = Scaled(codec, full, limits.MaxSide);
        if (scaled != full.Size) return Whole(codec, full.WithSize(scaled), out error);
        var k = longSide / limits.MaxSide;
        if (codec.EncodedFormat == SKEncodedImageFormat.Png && PngRows.Open(data) is { } png)
            using (png)
            {
                var reduced = Reduced(full, k, (_, row) => png.ReadRow(row));
                error = "";
                if (png.RowsRead > 0) return reduced;
                reduced.Dispose();
                error = "the picture is damaged (no row of it decodes)";
                return null;
            }
        using var whole = Whole(codec, full, out error);
        return whole is null ? null : Reduced(full, k, (y, row) => Marshal.Copy(whole.GetPixels() + y * whole.RowBytes, row, 0, row.Length));
    }

    private static SKBitmap? Whole(SKCodec codec, SKImageInfo info, out string error)
    {
        error = "";
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput) return bitmap;
        bitmap.Dispose();
        error = $"the picture is damaged ({result})";
        return null;
    }

    /// <summary>The fewest pixels the codec can decode to directly while the long side still reaches <paramref name="maxSide"/>.</summary>
    private static SKSizeI Scaled(SKCodec codec, SKImageInfo full, int maxSide)
    {
        var best = full.Size;
        var exact = (float)maxSide / Math.Max(full.Width, full.Height);
        foreach (var scale in new[] { exact, 1 / 8f, 2 / 8f, 3 / 8f, 4 / 8f, 5 / 8f, 6 / 8f, 7 / 8f })
        {
            var size = codec.GetScaledDimensions(scale);
            if (Math.Max(size.Width, size.Height) >= maxSide && (long)size.Width * size.Height < (long)best.Width * best.Height) best = size;
        }
        return best;
    }

    /// <summary>
    /// Each block of k × k pixels averaged into one (premultiplied, so transparency averages right):
    /// a large step down that a cubic filter alone would alias, done in one pass over the rows.
    /// </summary>
    private static SKBitmap Reduced(SKImageInfo full, int k, Action<int, byte[]> readRow)
    {
        var (width, height) = (full.Width, full.Height);
        var (outWidth, outHeight) = ((width + k - 1) / k, (height + k - 1) / k);
        var target = new SKBitmap(full.WithSize(outWidth, outHeight));
        var pixels = new byte[width * 4];
        var sums = new long[outWidth * 4];
        var outRow = new byte[outWidth * 4];
        var (rows, outY) = (0, 0);
        for (var y = 0; y < height; y++)
        {
            readRow(y, pixels);
            for (var ox = 0; ox < outWidth; ox++)
            {
                long r = 0, g = 0, b = 0, a = 0;
                for (int x = ox * k, end = Math.Min(width, x + k); x < end; x++)
                {
                    var i = x * 4;
                    r += pixels[i]; g += pixels[i + 1]; b += pixels[i + 2]; a += pixels[i + 3];
                }
                var o = ox * 4;
                sums[o] += r; sums[o + 1] += g; sums[o + 2] += b; sums[o + 3] += a;
            }
            if (++rows < k && y < height - 1) continue;
            for (var ox = 0; ox < outWidth; ox++)
            {
                var n = (long)Math.Min(k, width - ox * k) * rows;
                for (var c = 0; c < 4; c++) outRow[ox * 4 + c] = (byte)((sums[ox * 4 + c] + n / 2) / n);
            }
            Marshal.Copy(outRow, 0, target.GetPixels() + outY * target.RowBytes, outRow.Length);
            Array.Clear(sums);
            (rows, outY) = (0, outY + 1);
        }
        return target;
    }
}
