using System.Globalization;

namespace Broadsheet.Articles;

/// <summary>
/// How a story says when it was last updated: "14:05" in the site's time zone when that is the day
/// it was published, else "8 December 2026, 14:05". A clock time, not "2 hours ago": it is what
/// the reader can check against the news, and it does not go stale in a cached copy.
/// </summary>
public static class UpdateTime
{
    public static string Shown(DateTime updatedUtc, DateTime publishedUtc, TimeZoneInfo zone)
    {
        var updated = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(updatedUtc, DateTimeKind.Utc), zone);
        var published = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(publishedUtc, DateTimeKind.Utc), zone);
        return updated.ToString(updated.Date == published.Date ? "HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }
}
