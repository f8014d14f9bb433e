namespace Broadsheet.Newsroom.Media;

/// <summary>The "Media" configuration section (Media:Directory is read by Shared/Media).</summary>
public sealed class MediaOptions
{
    /// <summary>The largest upload in bytes; the request body limit for the upload is this plus room for the form.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest canvas a picture may declare, checked from its header before decoding.</summary>
    public long MaxPixels { get; set; } = Broadsheet.Media.Pictures.MaxPixels;

    /// <summary>The longest side kept: a larger picture is scaled down while it is decoded, so its cost does not grow with its size.</summary>
    public int MaxSide { get; set; } = 2560;

    /// <summary>More frames than this (an animated GIF or WebP) is refused; only the first is kept anyway.</summary>
    public int MaxFrames { get; set; } = 1000;

    /// <summary>Pictures prepared at once across the instance: each holds a core, and a GIF or interlaced PNG up to MaxPixels × 4 bytes while it is decoded.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Uploads that may wait for a turn; one more is answered 503 with Retry-After.</summary>
    public int QueueLength { get; set; } = 4;

    /// <summary>How long a queued upload waits for its turn before it too is answered 503.</summary>
    public int QueueSeconds { get; set; } = 30;

    public Broadsheet.Media.DecodeLimits Limits => new(MaxPixels, MaxSide, MaxFrames);

    /// <summary>Widths of the responsive copies; only those narrower than the original are made.</summary>
    /// <remarks>Nullable so configuration replaces the defaults rather than appending to them.</remarks>
    public int[]? Widths { get; set; }

    public static readonly int[] DefaultWidths = Broadsheet.Media.MediaFolder.DefaultWidths;

    public int[] EffectiveWidths => Widths is { Length: > 0 } w ? w : DefaultWidths;

    public int PageSize { get; set; } = 24;

    /// <summary>Multipart boundaries, the alt text and the token: what a form adds around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
