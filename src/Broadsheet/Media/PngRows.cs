using System.Buffers.Binary;
using System.IO.Compression;

namespace Broadsheet.Media;

/// <summary>
/// A PNG read one row at a time, as premultiplied RGBA, so a large picture can be scaled down
/// while it is decoded without its full-size pixels ever being in memory (this Skia has no
/// row-by-row PNG decoding). Only the common kind is read here: 8 bits per channel, grey or RGB
/// with or without alpha, no interlacing, no transparency key; anything else is left to Skia.
/// </summary>
internal sealed class PngRows : IDisposable
{
    private readonly ZLibStream inflater;
    private readonly int channels;
    private byte[] previous, current;

    public int Width { get; }
    public int Height { get; }

    /// <summary>Rows that decoded; the rest (a short or damaged file) are left transparent black, as Skia fills them.</summary>
    public int RowsRead { get; private set; }

    private PngRows(byte[] idat, int width, int height, int channels)
    {
        (Width, Height, this.channels) = (width, height, channels);
        inflater = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress);
        previous = new byte[width * channels];
        current = new byte[width * channels];
    }

    /// <summary>The reader, or null when the file is not the kind read here.</summary>
    public static PngRows? Open(ReadOnlySpan<byte> b)
    {
        if (b.Length < 33 || !b[12..16].SequenceEqual("IHDR"u8)) return null;
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        var (depth, colour, interlace) = (b[24], b[25], b[28]);
        int channels = colour switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (depth != 8 || interlace != 0 || channels == 0 || width <= 0 || height <= 0) return null;
        var idat = new MemoryStream();
        for (var i = 8; i + 12 <= b.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(b[i..]);
            if (length < 0 || i + 12L + length > b.Length) break;
            var type = b.Slice(i + 4, 4);
            if (type.SequenceEqual("tRNS"u8)) return null;
            if (type.SequenceEqual("IDAT"u8)) idat.Write(b.Slice(i + 8, length));
            if (type.SequenceEqual("IEND"u8)) break;
            i += 12 + length;
        }
        return new PngRows(idat.ToArray(), width, height, channels);
    }

    /// <summary>The next row into <paramref name="rgba"/> (Width × 4 bytes, premultiplied).</summary>
    public void ReadRow(byte[] rgba)
    {
        Array.Clear(rgba);
        try
        {
            var filter = inflater.ReadByte();
            if (filter < 0) return;
            inflater.ReadExactly(current);
            Unfilter(filter);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException) { return; }
        for (var x = 0; x < Width; x++)
        {
            var (p, o) = (x * channels, x * 4);
            byte r, g, bl, a;
            if (channels <= 2) { r = g = bl = current[p]; a = channels == 2 ? current[p + 1] : (byte)255; }
            else { r = current[p]; g = current[p + 1]; bl = current[p + 2]; a = channels == 4 ? current[p + 3] : (byte)255; }
            rgba[o] = Premultiply(r, a); rgba[o + 1] = Premultiply(g, a); rgba[o + 2] = Premultiply(bl, a); rgba[o + 3] = a;
        }
        (previous, current) = (current, previous);
        RowsRead++;
    }

    private static byte Premultiply(byte c, byte a) => a == 255 ? c : (byte)((c * a + 127) / 255);

    // PNG's five filters, undone in place against the row above (RFC 2083, 6.2 to 6.6).
    private void Unfilter(int filter)
    {
        var bpp = channels;
        for (var i = 0; i < current.Length; i++)
        {
            int a = i >= bpp ? current[i - bpp] : 0, up = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            current[i] += filter switch
            {
                1 => (byte)a,
                2 => (byte)up,
                3 => (byte)((a + up) / 2),
                4 => (byte)Paeth(a, up, c),
                _ => 0,
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    public void Dispose() => inflater.Dispose();
}
