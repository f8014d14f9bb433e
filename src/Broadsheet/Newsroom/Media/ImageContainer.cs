using System.Buffers.Binary;
using System.Text;

namespace Broadsheet.Newsroom.Media;

public enum ImageKind { Jpeg, Png, WebP, Gif }

/// <summary>
/// The polyglot rule. A file is taken only when (1) its first bytes are the signature of one of
/// our four formats, (2) the decoder agrees it is that format, and (3) the file ends exactly where
/// that format's own structure says the picture ends: JPEG at its EOI marker, PNG after IEND,
/// GIF at its trailer, WebP where the RIFF header's length says. Anything appended (a ZIP, a
/// script, an HTML page) is refused, and so is markup or code anywhere in the bytes. Re-encoding
/// already makes the stored file safe; the rule is there so the uploader learns the file is odd.
/// </summary>
public static class ImageContainer
{
    public static ImageKind? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ImageKind.Jpeg;
        if (b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ImageKind.Png;
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return ImageKind.Gif;
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return ImageKind.WebP;
        return null;
    }

    /// <summary>Where the picture's own structure ends, or null when the structure is broken.</summary>
    public static long? EndOf(ReadOnlySpan<byte> b, ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => JpegEnd(b),
        ImageKind.Png => PngEnd(b),
        ImageKind.Gif => GifEnd(b),
        ImageKind.WebP => 8L + BinaryPrimitives.ReadUInt32LittleEndian(b[4..8]),
        _ => null,
    };

    /// <summary>True when text a browser or server would run appears anywhere in the bytes.</summary>
    public static bool CarriesMarkup(ReadOnlySpan<byte> b)
    {
        foreach (var needle in Markers)
            if (IndexOfIgnoreCase(b, needle) >= 0) return true;
        return false;
    }

    /// <summary>An SVG drawing (XML text with an svg element), which is a document that can carry scripts.</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> b) => IndexOfIgnoreCase(b[..Math.Min(b.Length, 4096)], "<svg"u8.ToArray()) >= 0;

    private static readonly byte[][] Markers =
        [.. new[] { "<script", "<html", "<?php", "<svg", "<iframe", "<body", "javascript:" }.Select(Encoding.ASCII.GetBytes)];

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> hay, byte[] needle)
    {
        // Markers start with '<' or 'j'; look for the first byte, then compare ASCII case-insensitively.
        for (var i = 0; i <= hay.Length - needle.Length; i++)
        {
            var found = hay[i..].IndexOfAny(needle[0], (byte)char.ToUpperInvariant((char)needle[0]));
            if (found < 0 || i + found > hay.Length - needle.Length) return -1;
            i += found;
            if (Ascii.EqualsIgnoreCase(hay.Slice(i, needle.Length), needle)) return i;
        }
        return -1;
    }

    // Segments with lengths up to SOS, then entropy-coded data in which 0xFF is followed by 0x00
    // (a stuffed byte) or a restart marker; any other marker ends the scan (progressive JPEGs have several).
    private static long? JpegEnd(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker == 0xD9) return i + 2;
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2) return null;
            i += 2 + length;
            if (marker != 0xDA) continue;
            while (i + 1 < b.Length && !(b[i] == 0xFF && b[i + 1] != 0x00 && b[i + 1] is not (>= 0xD0 and <= 0xD7))) i++;
        }
        return i + 2 == b.Length && b[^2] == 0xFF && b[^1] == 0xD9 ? b.Length : null;
    }

    private static long? PngEnd(ReadOnlySpan<byte> b)
    {
        long i = 8;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[(int)i..]);
            var type = b.Slice((int)i + 4, 4);
            i += 12L + length;
            if (type.SequenceEqual("IEND"u8)) return i;
        }
        return null;
    }

    private static long? GifEnd(ReadOnlySpan<byte> b)
    {
        if (b.Length < 13) return null;
        var i = 13 + ColourTable(b[10]);
        while (i < b.Length)
        {
            switch (b[i])
            {
                case 0x3B: return i + 1; // trailer
                case 0x21: i = SkipSubBlocks(b, i + 2); break; // extension: introducer, label, sub-blocks
                case 0x2C: // image: descriptor, local colour table, LZW code size, sub-blocks
                    if (i + 10 > b.Length) return null;
                    i = SkipSubBlocks(b, i + 10 + ColourTable(b[i + 9]) + 1);
                    break;
                default: return null;
            }
            if (i < 0) return null;
        }
        return null;
    }

    private static int ColourTable(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);

    private static int SkipSubBlocks(ReadOnlySpan<byte> b, int i)
    {
        while (i < b.Length)
        {
            if (b[i] == 0) return i + 1;
            i += b[i] + 1;
        }
        return -1;
    }
}
