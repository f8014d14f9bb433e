using Broadsheet.Shared;

namespace Broadsheet.Tests.Shared;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Council backs new tram line", "council-backs-new-tram-line")]
    [InlineData("  Minister's   plan: 2027 budget!  ", "ministers-plan-2027-budget")]
    [InlineData("Café owners welcome São Paulo deal", "cafe-owners-welcome-sao-paulo-deal")]
    [InlineData("Vasić and Ødegaard in Łódź", "vasic-and-odegaard-in-lodz")]
    [InlineData("Новости дня", "novosti-dnya")]
    [InlineData("---", "")]
    [InlineData("A/B testing & you", "a-b-testing-you")]
    public void From_makes_lower_case_hyphenated_ascii(string title, string expected) =>
        Slug.From(title).ShouldBe(expected);

    [Fact]
    public void From_cuts_long_titles_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("harbour", 30)), maxLength: 20);
        slug.Length.ShouldBeLessThanOrEqualTo(20);
        slug.ShouldNotEndWith("-");
    }

    [Theory]
    [InlineData("council-backs-tram", true)]
    [InlineData("2026", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Upper", false)]
    [InlineData("-lead", false)]
    [InlineData("trail-", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("under_score", false)]
    [InlineData("dot.dot", false)]
    [InlineData("spa ce", false)]
    public void IsValid_accepts_only_what_From_could_make(string? slug, bool valid) =>
        Slug.IsValid(slug).ShouldBe(valid);

    [Fact]
    public void IsValid_refuses_slugs_longer_than_the_column() =>
        Slug.IsValid(new string('a', Slug.MaxLength + 1)).ShouldBeFalse();
}
