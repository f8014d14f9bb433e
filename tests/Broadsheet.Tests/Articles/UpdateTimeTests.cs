using Broadsheet.Articles;

namespace Broadsheet.Tests.Articles;

public sealed class UpdateTimeTests
{
    [Theory]
    [InlineData("2026-12-07T09:00:00", "2026-12-07T14:05:00", "UTC", "14:05")]
    [InlineData("2026-12-06T09:00:00", "2026-12-07T14:05:00", "UTC", "7 December 2026, 14:05")]
    [InlineData("2026-07-01T08:00:00", "2026-07-01T13:05:00", "Europe/London", "14:05")] // summer time: UTC+1
    [InlineData("2026-12-07T10:00:00", "2026-12-07T23:30:00", "Asia/Tokyo", "8 December 2026, 08:30")] // the same UTC day, the next day there
    public void An_update_shows_its_clock_time_in_the_site_zone_with_the_date_only_when_the_day_differs(string published, string updated, string zone, string expected) =>
        UpdateTime.Shown(DateTime.Parse(updated), DateTime.Parse(published), TimeZoneInfo.FindSystemTimeZoneById(zone)).ShouldBe(expected);
}
