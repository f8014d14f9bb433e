using Broadsheet.Import;

namespace Broadsheet.Tests.Import;

/// <summary>What WordPress's shortcodes, oEmbed URLs and blocks become in a story's body.</summary>
public sealed class ImportContentTests
{
    [Theory]
    [InlineData("[caption id=\"a1\" width=\"300\"]<img src=\"/a.jpg\" alt=\"A\"> The quay at dawn[/caption]",
        "<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>The quay at dawn</figcaption></figure>")]
    [InlineData("[caption id=\"a1\" align=\"aligncenter\" width=\"640\" caption=\"The quay at dawn\"]<img src=\"/a.jpg\" alt=\"A\">[/caption]",
        "<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>The quay at dawn</figcaption></figure>")]
    [InlineData("[caption caption='Night ferry']<a href=\"/big.jpg\"><img src=\"/a.jpg\" alt=\"\"></a>[/caption]",
        "<figure><a href=\"/big.jpg\"><img src=\"/a.jpg\" alt=\"\"></a><figcaption>Night ferry</figcaption></figure>")]
    public void A_caption_keeps_its_words_in_either_form(string content, string html) =>
        WordPressHtml.ToArticleBody(content).Html.ShouldBe(html);

    [Theory]
    [InlineData("Watch this:\n\nhttps://www.youtube.com/watch?v=abc123\n\nThen vote.", "https://www.youtube.com/watch?v=abc123", "Video on YouTube: youtube.com/watch?v=abc123")]
    [InlineData("[embed]https://vimeo.com/12345[/embed]", "https://vimeo.com/12345", "Video on Vimeo: vimeo.com/12345")]
    [InlineData("[youtube=https://www.youtube.com/watch?v=xyz&amp;w=640]", "https://www.youtube.com/watch?v=xyz&amp;w=640", "Video on YouTube: youtube.com/watch?v=xyz&amp;w=640")]
    [InlineData("<!-- wp:embed {\"url\":\"https://twitter.com/ferry/status/1\",\"type\":\"rich\"} -->\n<figure class=\"wp-block-embed is-type-rich\"><div class=\"wp-block-embed__wrapper\">\nhttps://twitter.com/ferry/status/1\n</div><figcaption>The first crossing</figcaption></figure>\n<!-- /wp:embed -->",
        "https://twitter.com/ferry/status/1", "Post on X: twitter.com/ferry/status/1")]
    [InlineData("https://blog.example/2024/05/market\n", "https://blog.example/2024/05/market", "Link: blog.example/2024/05/market")]
    public void An_embed_becomes_a_link_card_that_loads_nothing_before_a_click(string content, string href, string text)
    {
        var html = WordPressHtml.ToArticleBody(content).Html;
        html.ShouldContain($"<p><a href=\"{href}\">{text}</a></p>");
        html.ShouldNotContain("<iframe");
        html.ShouldNotContain("[");
    }

    [Fact]
    public void A_gutenberg_embed_keeps_its_caption_below_the_card() =>
        WordPressHtml.ToArticleBody("<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/9\n</div><figcaption>Storm over the pier</figcaption></figure>")
            .Text.ShouldBe("Video on Vimeo: vimeo.com/9\nStorm over the pier");

    [Fact]
    public void A_gallery_becomes_links_to_its_pictures_with_a_warning()
    {
        var urls = new Dictionary<string, string> { ["7"] = "https://old.example/wp-content/uploads/2024/05/a.jpg", ["8"] = "https://old.example/wp-content/uploads/2024/05/b.jpg" };
        var body = WordPressHtml.ToArticleBody("Before.\n\n[gallery ids=\"7,8,9\" columns=\"2\"]\n\nAfter.", id => urls.GetValueOrDefault(id));
        body.Html.ShouldContain("<li><a href=\"https://old.example/wp-content/uploads/2024/05/a.jpg\">Picture: a.jpg</a></li><li><a href=\"https://old.example/wp-content/uploads/2024/05/b.jpg\">Picture: b.jpg</a></li>");
        body.Warnings.ShouldContain(("galleries", "a [gallery] of 2 picture(s) became links to the old site's files (upload them to keep them)"));
    }

    [Theory]
    [InlineData("[audio mp3=\"https://old.example/files/interview.mp3\"][/audio]", "Audio: interview.mp3", "audio shortcodes")]
    [InlineData("[video width=\"640\" mp4=\"https://old.example/files/launch.mp4\"][/video]", "Video: launch.mp4", "video shortcodes")]
    [InlineData("[audio src=\"https://old.example/files/tide.ogg\"]", "Audio: tide.ogg", "audio shortcodes")]
    public void Audio_and_video_become_a_link_to_their_file_with_a_warning(string content, string text, string kind)
    {
        var body = WordPressHtml.ToArticleBody(content);
        body.Html.ShouldContain($">{text}</a>");
        body.Warnings.ShouldContain(w => w.Kind == kind);
    }

    [Theory]
    [InlineData("Vote [poll id=\"3\"] now.", "<p>Vote  now.</p>", "poll")]
    [InlineData("[column width=\"50%\"]Left side[/column]", "<p>Left side</p>", "column")]
    [InlineData("[contact-form-7 /]Write to us.", "<p>Write to us.</p>", "contact-form-7")]
    [InlineData("[su_note]Mind the gap[/su_note]", "<p>Mind the gap</p>", "su_note")]
    public void An_unknown_shortcode_is_removed_with_a_warning_keeping_its_words(string content, string html, string name)
    {
        var body = WordPressHtml.ToArticleBody(content);
        body.Html.ShouldBe(html);
        body.Warnings.ShouldContain(("unknown shortcodes", $"[{name}] is not a shortcode Broadsheet knows: removed (its inner text, if any, kept)"));
    }

    [Theory]
    [InlineData("He said it was [sic] final.")]
    [InlineData("See note [1] and [a].")]
    public void Bracketed_words_that_are_not_shortcodes_stay(string content)
    {
        var body = WordPressHtml.ToArticleBody(content);
        body.Html.ShouldBe($"<p>{content}</p>");
        body.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_dynamic_block_that_renders_nothing_here_is_left_out_with_a_warning()
    {
        var body = WordPressHtml.ToArticleBody("<!-- wp:paragraph -->\n<p>Our picks:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts {\"postsToShow\":3} /-->");
        body.Html.ShouldBe("<p>Our picks:</p>");
        body.Warnings.ShouldContain(("dynamic blocks", "block 'latest-posts' is drawn by WordPress when the page is shown and has no content in the export: left out"));
    }

    [Theory]
    [InlineData("<dl><dt>Definition List Title</dt><dd>Definition list division.</dd></dl>", "Definition List Title\n\nDefinition list division.")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "- one\n- two")]
    [InlineData("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second")]
    [InlineData("<h3>Heading</h3>Text after", "Heading\n\nText after")]
    [InlineData("<table><tr><th>Ferry</th><th>Time</th></tr><tr><td>North</td><td>08:00</td></tr></table>", "Ferry \u2013 Time\n\nNorth \u2013 08:00")]
    public void Comment_html_keeps_its_blocks_apart(string html, string markdown) =>
        WordPressComment.ToMarkdown(html).ShouldBe(markdown);
}
