using Broadsheet.Articles;

namespace Broadsheet.Tests.Articles;

public sealed class ArticleBodyTests
{
    [Fact]
    public void Markdown_becomes_html()
    {
        var html = ArticleBody.ToSafeHtml("## Tide tables\n\nThe *first* ferry leaves at **seven**.\n\n> A fine day.");
        html.ShouldContain("<h2");
        html.ShouldContain("<em>first</em>");
        html.ShouldContain("<strong>seven</strong>");
        html.ShouldContain("<blockquote>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=https://example.org></iframe>", "<iframe")]
    [InlineData("<form action=/x><input name=a></form>", "<form")]
    [InlineData("<p style=\"position:fixed\">x</p>", "position:fixed")]
    public void Dangerous_html_is_removed(string markdown, string forbidden) =>
        ArticleBody.ToSafeHtml(markdown).ShouldNotContain(forbidden, Case.Insensitive);

    [Fact]
    public void Article_SetBody_keeps_html_and_reading_time_in_step_with_the_markdown()
    {
        var article = new Article { Title = "t", Slug = "t" };
        article.SetBody(string.Join(' ', Enumerable.Repeat("word", 1000)));
        article.BodyHtml.ShouldStartWith("<p>word");
        article.ReadingMinutes.ShouldBe(4);
    }
}
