using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using Broadsheet.Comments;

namespace Broadsheet.Tests.Comments;

public sealed class CommentMarkdownTests
{
    private static IDocument Parse(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content($"<body>{html}</body>")).GetAwaiter().GetResult();

    [Theory]
    [InlineData("*soft* and **loud**", "<p><em>soft</em> and <strong>loud</strong></p>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("`x = 1`", "<p><code>x = 1</code></p>")]
    [InlineData("```js\nlet a;\n```", "<pre><code>let a;\n</code></pre>")]
    [InlineData("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>")]
    [InlineData("3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>")]
    [InlineData("[the council](https://example.org/a)", "<p><a href=\"https://example.org/a\" rel=\"nofollow ugc noopener\">the council</a></p>")]
    [InlineData("mail [me](mailto:ed@example.org)", "<p>mail <a href=\"mailto:ed@example.org\" rel=\"nofollow ugc noopener\">me</a></p>")]
    [InlineData("# Not a heading", "<p># Not a heading</p>")]
    public void The_markdown_subset_renders(string markdown, string html) =>
        CommentMarkdown.ToSafeHtml(markdown).ShouldBe(html);

    [Fact]
    public void A_bare_url_becomes_a_link_with_the_user_content_rel() =>
        CommentMarkdown.ToSafeHtml("see https://example.org/x").ShouldBe("<p>see <a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">https://example.org/x</a></p>");

    [Fact]
    public void An_image_becomes_a_link_to_it_and_nothing_is_loaded()
    {
        var html = CommentMarkdown.ToSafeHtml("![a chart](https://example.org/chart.png)");
        html.ShouldNotContain("<img");
        html.ShouldBe("<p><a href=\"https://example.org/chart.png\" rel=\"nofollow ugc noopener\">a chart</a></p>");
    }

    public static TheoryData<string> Payloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"#\" onclick=\"alert(1)\">click</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](jav&#97;script&#58;alert(1))",
        "[click]( javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "[x](https://example.org \"title\" onmouseover=alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "*<b onmouseover=alert(1)>hover</b>*",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Script_payloads_come_out_inert(string payload)
    {
        var html = CommentMarkdown.ToSafeHtml(payload);
        var body = Parse(html).Body!;

        body.QuerySelectorAll("script, iframe, svg, img, object, embed, style, form").ShouldBeEmpty();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            element.Attributes.Select(a => a.Name).ShouldBeSubsetOf(["href", "rel", "start"], html);
            if (element.GetAttribute("href") is { } href)
                new Uri(href, UriKind.RelativeOrAbsolute).Scheme().ShouldBeOneOf("http", "https", "mailto", "");
        }
        html.ShouldNotContain("<script", Case.Insensitive);
        Regex.IsMatch(html, @"<[^>]+\son\w+\s*=", RegexOptions.IgnoreCase).ShouldBeFalse(html);
        Regex.IsMatch(html, @"href=""\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase).ShouldBeFalse(html);
    }

    [Theory]
    [InlineData("no links here", 0)]
    [InlineData("[a](https://a.example) and <https://b.example>", 2)]
    [InlineData("https://a.example https://b.example www.c.example", 3)]
    [InlineData("![img](https://a.example/x.png)", 1)]
    [InlineData("`https://not.a.link.example`", 0)]
    public void Links_are_counted_the_way_readers_see_them(string markdown, int links) =>
        CommentMarkdown.CountLinks(markdown).ShouldBe(links);
}

internal static class UriSchemes
{
    public static string Scheme(this Uri uri) => uri.IsAbsoluteUri ? uri.Scheme : "";
}
