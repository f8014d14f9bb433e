using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Import;

namespace Broadsheet.Tests.Import;

public sealed class ImportRulesTests
{
    [Theory]
    [InlineData("%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8", "novosti")]
    [InlineData("caf%c3%a9-soci%c3%a9t%c3%a9", "cafe-societe")]
    [InlineData("Straße in Łódź", "strasse-in-lodz")]
    [InlineData("Київ і Львів", "kiyiv-i-lviv")] // one plain scheme for all Cyrillic: и is "i" here as in Russian
    [InlineData("plain-ascii-slug", "plain-ascii-slug")]
    [InlineData("%e4%b8%ad%e6%96%87", "story-7")] // nothing transliterable left: the stable fallback
    [InlineData("", "story-7")]
    public void WordPress_slugs_become_our_ascii_slugs_or_a_stable_fallback(string wordpress, string expected) =>
        ImportSlug.From(wordpress, "story-7").ShouldBe(expected);

    [Fact]
    public void Taken_slugs_get_a_numbered_suffix_within_the_length_limit()
    {
        ImportSlug.Candidates("harbour", 80).Take(3).ShouldBe(["harbour", "harbour-2", "harbour-3"]);
        ImportSlug.Candidates("abcdefghij", 10).Skip(1).First().ShouldBe("abcdefgh-2");
    }

    [Theory]
    [InlineData("https://old.example/wp-content/uploads/2024/05/ferry.jpg", "2024/05/ferry.jpg")]
    [InlineData("https://old.example/wp-content/uploads/2024/05/caf%C3%A9.jpg?resize=300", "2024/05/café.jpg")]
    [InlineData("https://old.example/wp-content/uploads/../../etc/passwd", null)]
    [InlineData("https://old.example/wp-content/uploads/2024/%2e%2e/%2e%2e/etc/passwd", null)]
    [InlineData("https://old.example/wp-content/uploads//etc/passwd", null)]
    [InlineData("https://old.example/wp-content/uploads/%2Fetc%2Fpasswd", null)]
    [InlineData("https://old.example/wp-content/uploads/2024/..%5C..%5Csecret.jpg", null)]
    [InlineData("https://old.example/images/ferry.jpg", null)]
    [InlineData("https://example.files.wordpress.com/2008/06/canola2.jpg", "2008/06/canola2.jpg")]
    [InlineData("https://cdn.example/news/2013/03/featured-image-horizontal.jpg?w=1200", "2013/03/featured-image-horizontal.jpg")]
    [InlineData("https://example.files.wordpress.com/2008/06/..%2F..%2F..%2Fetc%2Fpasswd", null)]
    [InlineData("https://example.files.wordpress.com/2008/13/bad-month.jpg", null)]
    public void Attachment_files_resolve_only_inside_the_uploads_folder(string url, string? relative)
    {
        var root = Path.Combine(Path.GetTempPath(), "uploads-root");
        var resolved = UploadPath.Resolve(url, root, out var error);
        if (relative is null)
        {
            resolved.ShouldBeNull();
            error.ShouldNotBeEmpty();
        }
        else resolved.ShouldBe(Path.Combine(root, relative));
    }

    [Theory]
    [InlineData("publish", false, ArticleStatus.Published)]
    [InlineData("future", false, ArticleStatus.Scheduled)]
    [InlineData("draft", false, ArticleStatus.Draft)]
    [InlineData("pending", false, ArticleStatus.Draft)]
    [InlineData("private", false, ArticleStatus.Draft)]
    [InlineData("publish", true, ArticleStatus.Draft)]
    [InlineData("future", true, ArticleStatus.Draft)]
    [InlineData("trash", false, null)]
    [InlineData("auto-draft", false, null)]
    public void WordPress_statuses_map_to_ours(string wordpress, bool passwordProtected, ArticleStatus? expected) =>
        WordPressImport.StatusOf(wordpress, passwordProtected).ShouldBe(expected);

    [Theory]
    [InlineData("1", "comment", CommentStatus.Visible)]
    [InlineData("1", "", CommentStatus.Visible)]
    [InlineData("0", "comment", CommentStatus.Held)]
    [InlineData("spam", "comment", null)]
    [InlineData("trash", "comment", null)]
    [InlineData("1", "pingback", null)]
    [InlineData("1", "trackback", null)]
    public void Comment_states_map_to_ours(string approved, string type, CommentStatus? expected) =>
        WordPressImport.CommentStatusOf(approved, type).ShouldBe(expected);

    [Theory]
    [InlineData("One\n\nTwo", "<p>One</p>\n<p>Two</p>")]
    [InlineData("Line one\nline two", "<p>Line one<br>\nline two</p>")]
    [InlineData("<!-- wp:paragraph -->\n<p>Gutenberg</p>\n<!-- /wp:paragraph -->", "<p>Gutenberg</p>")]
    [InlineData("<blockquote>Quoted\n\nTwice</blockquote>", "<blockquote><p>Quoted</p>\n<p>Twice</p>\n</blockquote>")]
    [InlineData("[caption id=\"a\" width=\"300\"]<img src=\"https://x.example/a.jpg\" alt=\"A\"> The pier[/caption]", "<figure><img src=\"https://x.example/a.jpg\" alt=\"A\"><figcaption>The pier</figcaption></figure>")]
    [InlineData("<pre>code\n\nblock</pre>", "<pre>code\n\nblock</pre>")]
    public void WordPress_autop_text_becomes_paragraphs(string content, string html) =>
        WordPressHtml.ToArticleBody(content).Html.ShouldBe(html);

    [Fact]
    public void Text_and_reading_time_count_the_words_not_the_markup()
    {
        var body = WordPressHtml.ToArticleBody(string.Concat(Enumerable.Repeat("<p class=\"x\"><strong>word</strong> word</p>\n", 230)));
        body.ReadingMinutes.ShouldBe(2);
        body.Text.ShouldNotContain("strong");
        body.Text.Split('\n').Length.ShouldBe(230);
    }

    [Theory]
    [InlineData("Plain *stars* and [brackets]", "Plain \\*stars\\* and \\[brackets\\]")]
    [InlineData("<strong>bold</strong> and <em>soft</em>", "**bold** and *soft*")]
    [InlineData("<a href=\"https://x.example/a\">there</a>", "[there](<https://x.example/a>)")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>", "click")]
    [InlineData("One\n\nTwo", "One\n\nTwo")]
    [InlineData("- not a list\n1. nor this", "\\- not a list\n1\\. nor this")]
    [InlineData("<blockquote>said so</blockquote>after", "> said so\n\nafter")]
    public void WordPress_comments_become_the_markdown_a_reader_would_type(string html, string markdown) =>
        WordPressComment.ToMarkdown(html).ShouldBe(markdown);

    [Theory]
    [InlineData("/2024/05/story/", new[] { "/2024/05/story/", "/2024/05/story" })]
    [InlineData("/2024/05/story", new[] { "/2024/05/story", "/2024/05/story/" })]
    [InlineData("/", new string[0])]
    [InlineData("", new string[0])]
    public void A_redirect_is_looked_up_with_and_without_the_trailing_slash(string path, string[] candidates) =>
        Redirects.Candidates(path).ShouldBe(candidates);
}
