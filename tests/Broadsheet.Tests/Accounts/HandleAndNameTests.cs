using Broadsheet.Accounts;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

public sealed class HandleAndNameTests
{
    [Theory]
    [InlineData("Ada Quill", "ada-quill")]
    [InlineData("Zoë Ångström", "zoe-angstrom")]
    [InlineData("李", "reader")]
    [InlineData("A", "reader")]
    public void A_handle_is_a_slug_of_the_display_name(string name, string handle) => Handles.Base(name).ShouldBe(handle);

    [Fact]
    public void Later_candidates_count_up_then_turn_random_and_stay_short()
    {
        var candidates = Handles.Candidates(new string('x', 80)).Take(12).ToList();
        candidates[0].ShouldBe(new string('x', Handles.MaxLength));
        candidates[1].ShouldEndWith("-2");
        candidates.Distinct().Count().ShouldBe(12);
        candidates.ShouldAllBe(c => c.Length <= Handles.MaxLength + 2);
    }

    [Theory]
    [InlineData("  Ada   Quill ", "Ada Quill")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("Ada\u0007", null)]
    [InlineData("Ada\u202EQuill", null)]
    public void Display_names_are_trimmed_and_refused_when_empty_or_hiding_control_characters(string raw, string? expected) =>
        DisplayName.Clean(raw).ShouldBe(expected);

    [Fact]
    public void A_display_name_over_60_characters_is_refused() => DisplayName.Clean(new string('a', 61)).ShouldBeNull();

    [Theory]
    [InlineData("ADMIN", "admin")]
    [InlineData(" editor ", "editor")]
    [InlineData("author", "author")]
    public void Roles_parse_in_any_case(string raw, string role)
    {
        Roles.TryParse(raw, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(role);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_roles_do_not_parse(string? raw) => Roles.TryParse(raw, out _).ShouldBeFalse();
}
