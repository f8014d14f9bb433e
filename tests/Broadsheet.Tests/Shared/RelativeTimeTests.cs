using Broadsheet.Shared;

namespace Broadsheet.Tests.Shared;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-30, "just now")]
    [InlineData(20, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(59 * 60, "59 minutes ago")]
    [InlineData(3600, "1 hour ago")]
    [InlineData(4 * 3600 + 300, "4 hours ago")]
    [InlineData(24 * 3600, "1 day ago")]
    [InlineData(6 * 86400, "6 days ago")]
    [InlineData(7 * 86400, "1 week ago")]
    [InlineData(29 * 86400, "4 weeks ago")]
    [InlineData(45 * 86400, "1 month ago")]
    [InlineData(400 * 86400, "1 year ago")]
    public void Describe_speaks_like_a_person(int secondsAgo, string expected) =>
        RelativeTime.Describe(Now.AddSeconds(-secondsAgo), Now).ShouldBe(expected);

    [Fact]
    public void Iso_and_Exact_show_the_precise_utc_time()
    {
        var when = new DateTime(2026, 3, 7, 8, 5, 9, DateTimeKind.Utc);
        RelativeTime.Iso(when).ShouldBe("2026-03-07T08:05:09Z");
        RelativeTime.Exact(when).ShouldBe("7 March 2026, 08:05 UTC");
    }
}
