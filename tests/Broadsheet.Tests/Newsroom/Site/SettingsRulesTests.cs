using Broadsheet.Newsroom.Site;
using Broadsheet.Shared;

namespace Broadsheet.Tests.Newsroom.Site;

public sealed class SettingsRulesTests
{
    [Theory]
    [InlineData("/latest", true, false)]
    [InlineData("/", true, false)]
    [InlineData("https://x.com/broadsheet", true, true)]
    [InlineData("http://example.test/path?q=1", true, true)]
    [InlineData("//evil.example", false, false)]
    [InlineData("/\\evil.example", false, false)]
    [InlineData("javascript:alert(1)", false, false)]
    [InlineData("mailto:desk@example.test", false, false)]
    [InlineData("ftp://files.example", false, false)]
    [InlineData("latest", false, false)]
    [InlineData("/with space", false, false)]
    [InlineData("", false, false)]
    public void Links_are_site_paths_or_web_addresses_and_nothing_else(string url, bool localOrWeb, bool web)
    {
        SettingsRules.IsLocalOrWebUrl(url).ShouldBe(localOrWeb);
        SettingsRules.IsWebUrl(url).ShouldBe(web);
    }

    [Theory]
    [InlineData("Europe/London", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Asia/Kolkata", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData("../../etc/passwd", false)]
    public void Time_zones_resolve_by_IANA_name_under_invariant_globalization(string id, bool known) =>
        (SettingsRules.CheckTimeZone(id) is null).ShouldBe(known);

    [Theory]
    [InlineData("UTC", "15 January 2026, 12:00 UTC")]
    [InlineData("Europe/Berlin", "15 January 2026, 13:00 UTC+01:00")]
    [InlineData("America/New_York", "15 January 2026, 07:00 UTC-05:00")]
    [InlineData("Asia/Kolkata", "15 January 2026, 17:30 UTC+05:30")]
    public void The_exact_time_is_told_in_the_site_zone_with_its_offset(string zone, string expected) =>
        RelativeTime.Exact(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc), new SiteOptions { TimeZone = zone }.Zone()).ShouldBe(expected);

    [Theory]
    [InlineData("", "None", true)]
    [InlineData("All", "", true)]
    [InlineData("FirstComment", "30", true)]
    [InlineData("Sometimes", "", false)]
    [InlineData("1", "", false)]
    [InlineData("", "-1", false)]
    [InlineData("", "3651", false)]
    [InlineData("", "ten", false)]
    public void The_comment_policy_takes_a_named_policy_and_a_day_count(string policy, string days, bool ok)
    {
        var fine = SettingsRules.CheckModeration(policy) is null && SettingsRules.CheckCloseAfterDays(days == "None" ? "" : days) is null;
        fine.ShouldBe(ok);
    }

    [Theory]
    [InlineData("Night Buses", null, "night-buses")]
    [InlineData("Night Buses", "buses", "buses")]
    [InlineData("Café society", "", "cafe-society")]
    [InlineData("!!!", null, null)]
    [InlineData("Fine", "Not A Slug", null)]
    [InlineData("", null, null)]
    public void Section_slugs_come_from_the_name_unless_given(string name, string? slug, string? expected) =>
        SectionAdmin.Check(name, slug).Slug.ShouldBe(expected);

    [Fact]
    public void A_slug_change_moves_the_page_and_both_feeds() =>
        SectionPaths.Moves(SectionKind.Tag, "old", "new").ShouldBe([("/tag/old", "/tag/new"), ("/tag/old/feed", "/tag/new/feed"), ("/tag/old/feed/atom", "/tag/new/feed/atom")]);
}
