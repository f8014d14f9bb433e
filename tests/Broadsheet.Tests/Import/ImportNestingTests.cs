using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Import;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Import;

/// <summary>
/// Markdig throws past 128 levels of nesting, so one comment quoted a thousand deep in an export
/// must cost that comment (skipped, with a warning), not the whole run. Its own app, since
/// <see cref="ImportedSite"/>'s tests count exactly what the shared export brings.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(40)]
public sealed class ImportNestingTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string Site = "https://deepquotes.example";

    [Fact]
    public async Task A_comment_nested_a_thousand_deep_is_skipped_with_a_warning_and_the_rest_is_imported()
    {
        // WordPress comment HTML: a bare ">" is text (escaped on the way to Markdown), so the nesting
        // an export can carry is a blockquote inside a blockquote, each one a ">" in the Markdown.
        var deep = string.Concat(Enumerable.Repeat("<blockquote>", 1000)) + "Quoted all the way down" + string.Concat(Enumerable.Repeat("</blockquote>", 1000));
        var plain = "Bare angle brackets " + new string('>', 1000) + " stay text.";
        var normal = "The new timetable suits the <em>early</em> crossing.";
        var file = Path.Combine(app.Folder, $"deep-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, Export(deep, ("901", deep), ("902", normal), ("903", plain)));

        ImportSummary summary;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = ActivatorUtilities.CreateInstance<WordPressImport>(scope.ServiceProvider);
            summary = await import.RunAsync(WxrFile.Load(file), null, null, CancellationToken.None);
        }

        // The HTML parser stops nesting at about 510 levels, as browsers do: still far past Markdig's 128.
        summary.Warnings.ShouldContain(w => w.StartsWith("comment 901 nests quotes") && w.EndsWith("not imported."), string.Join(" | ", summary.Warnings));
        summary.Count("comments", "created").ShouldBe(2);
        summary.Count("comments", "skipped").ShouldBe(1);
        var article = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "timetable-changes"));
        var stored = await app.WithDbAsync(db => db.Comments.Where(c => c.ArticleId == article.Id)
            .OrderBy(c => c.Id).Select(c => new { c.BodyMarkdown, c.BodyHtml, c.Status }).ToListAsync());
        stored.Count.ShouldBe(2);
        stored[0].BodyHtml.ShouldContain("<em>early</em>");
        stored[0].Status.ShouldBe(CommentStatus.Visible);
        stored[1].BodyHtml.ShouldContain(string.Concat(Enumerable.Repeat("&gt;", 1000)));
        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.CommentCount).SingleAsync())).ShouldBe(2);
        // A post body stays HTML (Markdig never parses it on import), so the same depth there imports as it is.
        var deepPost = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "quoted-all-the-way"));
        deepPost.BodyText.ShouldBe("Quoted all the way down");
    }

    private static string Export(string deepBody, params (string Id, string Html)[] comments) => $"""
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Deep Quotes</title>
	<link>{Site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{Site}</wp:base_site_url>
	<wp:base_blog_url>{Site}</wp:base_blog_url>
	<item>
		<title><![CDATA[Timetable changes]]></title>
		<link>{Site}/2024/06/timetable-changes/</link>
		<dc:creator><![CDATA[desk]]></dc:creator>
		<content:encoded><![CDATA[The winter timetable starts on Monday.]]></content:encoded>
		<wp:post_id>801</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-01 08:00:00]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[timetable-changes]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
{string.Concat(comments.Select(c => $"""
		<wp:comment><wp:comment_id>{c.Id}</wp:comment_id><wp:comment_author><![CDATA[Reader {c.Id}]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-06-01 09:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[{c.Html}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>

"""))}	</item>
	<item>
		<title><![CDATA[Quoted all the way]]></title>
		<link>{Site}/2024/06/quoted-all-the-way/</link>
		<dc:creator><![CDATA[desk]]></dc:creator>
		<content:encoded><![CDATA[{deepBody}]]></content:encoded>
		<wp:post_id>802</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-02 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[quoted-all-the-way]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
</channel>
</rss>
""";
}
