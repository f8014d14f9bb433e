using System.Globalization;

namespace Broadsheet.Shared;

/// <summary>"4 hours ago" for people, the exact UTC time for the hover title and machines.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime whenUtc, DateTime nowUtc)
    {
        var span = nowUtc - whenUtc;
        if (span < TimeSpan.Zero) return "just now";
        if (span.TotalSeconds < 60) return "just now";
        if (span.TotalMinutes < 60) return Ago((int)span.TotalMinutes, "minute");
        if (span.TotalHours < 24) return Ago((int)span.TotalHours, "hour");
        if (span.TotalDays < 7) return Ago((int)span.TotalDays, "day");
        if (span.TotalDays < 30) return Ago((int)(span.TotalDays / 7), "week");
        if (span.TotalDays < 365) return Ago(Math.Max(1, (int)(span.TotalDays / 30.44)), "month");
        return Ago((int)(span.TotalDays / 365.25), "year");
    }

    public static string Exact(DateTime whenUtc) =>
        whenUtc.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The exact time in the site's time zone, with its offset from UTC so it is never ambiguous.</summary>
    public static string Exact(DateTime whenUtc, TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc) return Exact(whenUtc);
        var utc = DateTime.SpecifyKind(whenUtc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var offset = zone.GetUtcOffset(utc);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" UTC{sign}{offset:hh\\:mm}";
    }

    public static string Iso(DateTime whenUtc) =>
        DateTime.SpecifyKind(whenUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Ago(int n, string unit) => n == 1 ? $"1 {unit} ago" : $"{n} {unit}s ago";
}
