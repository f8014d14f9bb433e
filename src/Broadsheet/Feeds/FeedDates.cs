using System.Globalization;

namespace Broadsheet.Feeds;

/// <summary>
/// The date formats feeds and sitemaps need, always in UTC and to the second (HTTP dates carry
/// no fractions, so Last-Modified and the feed's own dates agree exactly).
/// </summary>
public static class FeedDates
{
    /// <summary>Values read back from SQLite may lose their kind; every stored time is UTC.</summary>
    public static DateTime Utc(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>RSS 2.0's RFC 822 date, e.g. "Sun, 29 Nov 2026 09:05:00 GMT".</summary>
    public static string Rfc822(DateTime value) => Utc(value).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Atom's RFC 3339 and the sitemaps' W3C datetime, e.g. "2026-11-29T09:05:00Z".</summary>
    public static string Rfc3339(DateTime value) => Utc(value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
