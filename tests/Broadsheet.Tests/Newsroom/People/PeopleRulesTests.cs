using Broadsheet.Newsroom.People;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.People;

public sealed class PeopleRulesTests
{
    [Theory]
    [InlineData(new string[0], Roles.Reader)]
    [InlineData(new[] { Roles.Reader }, Roles.Reader)]
    [InlineData(new[] { Roles.Reader, Roles.Author }, Roles.Author)]
    [InlineData(new[] { Roles.Editor, Roles.Reader, Roles.Author }, Roles.Editor)]
    [InlineData(new[] { "ADMIN", Roles.Editor }, Roles.Admin)]
    public void A_persons_rank_is_their_highest_role(string[] roles, string rank) => PeopleRules.Rank(roles).ShouldBe(rank);

    [Theory]
    [InlineData(Roles.Editor, Roles.Reader, false, true)]
    [InlineData(Roles.Editor, Roles.Author, false, true)]
    [InlineData(Roles.Editor, Roles.Editor, false, false)]
    [InlineData(Roles.Editor, Roles.Admin, false, false)]
    [InlineData(Roles.Admin, Roles.Editor, false, true)]
    [InlineData(Roles.Admin, Roles.Admin, false, false)]
    [InlineData(Roles.Author, Roles.Reader, false, false)]
    [InlineData(Roles.Reader, Roles.Reader, false, false)]
    [InlineData(Roles.Admin, Roles.Admin, true, false)]
    [InlineData(Roles.Editor, Roles.Editor, true, false)]
    public void Editors_ban_readers_and_authors_admins_also_editors_and_nobody_bans_an_admin_or_themselves(string actor, string target, bool self, bool allowed) =>
        (PeopleRules.CheckBan(actor, target, self) is null).ShouldBe(allowed);

    [Theory]
    [InlineData(Roles.Reader, Roles.Editor, false, 1, true)]
    [InlineData(Roles.Editor, Roles.Admin, false, 1, true)]
    [InlineData(Roles.Admin, Roles.Editor, false, 2, true)]
    [InlineData(Roles.Admin, Roles.Reader, false, 1, false)] // the last admin
    [InlineData(Roles.Admin, Roles.Editor, true, 3, false)]  // their own admin role
    [InlineData(Roles.Admin, Roles.Admin, true, 1, true)]    // no change to their admin role
    public void An_admin_keeps_their_own_admin_role_and_the_last_admin_stays(string target, string role, bool self, int admins, bool allowed) =>
        (PeopleRules.CheckRoleChange(target, role, self, admins) is null).ShouldBe(allowed);

    [Theory]
    [InlineData("forever", "", true, "9999-12-31")]
    [InlineData("until", "2030-05-01", true, "2030-05-02")] // to the end of the chosen day
    [InlineData("until", "2030-05-01 ", true, "2030-05-02")]
    [InlineData("until", "2030-01-01", false, null)]        // the day before "now" ended already
    [InlineData("until", "2030-01-02", true, "2030-01-03")]
    [InlineData("until", "01/05/2030", false, null)]
    [InlineData("until", "", false, null)]
    [InlineData("sometime", "2030-05-01", false, null)]
    [InlineData(null, null, false, null)]
    public void A_ban_runs_to_the_end_of_a_future_day_or_for_good(string? length, string? date, bool ok, string? endDay)
    {
        var now = new DateTime(2030, 1, 2, 9, 0, 0, DateTimeKind.Utc);
        PeopleRules.TryParseUntil(length, date, now, out var until, out var problem).ShouldBe(ok);
        if (ok) until.ToString("yyyy-MM-dd").ShouldBe(endDay);
        else problem.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("  Spam links  ", "Spam links")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_ban_needs_a_reason(string? raw, string? cleaned)
    {
        PeopleRules.CleanReason(raw, out var problem).ShouldBe(cleaned);
        (problem is null).ShouldBe(cleaned is not null);
    }

    [Fact]
    public void A_reason_is_at_most_500_characters()
    {
        PeopleRules.CleanReason(new string('x', PeopleRules.ReasonMax), out _).ShouldNotBeNull();
        PeopleRules.CleanReason(new string('x', PeopleRules.ReasonMax + 1), out var problem).ShouldBeNull();
        problem.ShouldBe("Keep the reason to 500 characters.");
    }
}
