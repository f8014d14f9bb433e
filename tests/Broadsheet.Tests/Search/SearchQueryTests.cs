using Broadsheet.Search;

namespace Broadsheet.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("harbour ferry", "\"harbour\" AND \"ferry\"")]
    [InlineData("\"tram line\" council", "\"tram line\" AND \"council\"")]
    [InlineData("ferry -strike", "\"ferry\" NOT \"strike\"")]
    [InlineData("ferry OR tram budget", "(\"ferry\" OR \"tram\") AND \"budget\"")]
    [InlineData("ferry or tram", "\"ferry\" AND \"or\" AND \"tram\"")]
    [InlineData("OR ferry", "\"OR\" AND \"ferry\"")]
    [InlineData("ferry OR", "\"ferry\"")]
    [InlineData("a* ^b c:d (e) NEAR(f g)", "\"a\" AND \"b\" AND \"c d\" AND \"e\" AND \"NEAR f\" AND \"g\"")]
    [InlineData("stray \" quote", "\"stray\" AND \"quote\"")]
    [InlineData("-\"exact words\" news", "\"news\" NOT \"exact words\"")]
    [InlineData("pre-war plans", "\"pre war\" AND \"plans\"")]
    [InlineData("a - b", "\"a\" AND \"b\"")]
    [InlineData("'; DROP TABLE Articles; --", "\"DROP\" AND \"TABLE\" AND \"Articles\"")]
    [InlineData("Café \u0000 zürich", "\"Café\" AND \"zürich\"")]
    public void Parse_turns_reader_syntax_into_quoted_fts5(string raw, string fts5) =>
        SearchQuery.Parse(raw).ToFts5().ShouldBe(fts5);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("* ^ : ( )")]
    [InlineData("\"\"")]
    [InlineData("-excluded -only")]
    public void Queries_with_nothing_to_find_are_empty(string raw) =>
        SearchQuery.Parse(raw).IsEmpty.ShouldBeTrue();

    [Fact]
    public void Postgres_form_means_the_same_as_the_fts5_form() =>
        SearchQuery.Parse("\"tram line\" ferry OR bus -strike").ToWebSearch()
            .ShouldBe("\"tram line\" \"ferry\" or \"bus\" -\"strike\"");

    [Fact]
    public void Long_queries_are_cut_at_the_cap_and_the_term_count_is_bounded()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"w{i}")));
        query.Required.Count.ShouldBeLessThanOrEqualTo(16);
        query.ToFts5().Length.ShouldBeLessThan(SearchQuery.MaxLength * 2);
    }
}
