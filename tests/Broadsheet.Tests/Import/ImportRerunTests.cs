using Broadsheet.Tests.Fixtures;
using Broadsheet.Import;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Import;

/// <summary>
/// Running the import again converges on the export: what WordPress took down comes down here,
/// and what the newsroom changed since is kept unless the export changed that same item.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(75)]
public sealed class ImportRerunTests
{
    [Fact]
    public async Task A_second_run_keeps_newsroom_edits_to_unchanged_items_and_takes_down_what_wordpress_took_down()
    {
        await using var site = new ImportedSite();
        await site.InitializeAsync();
        var fares = await IdOfAsync(site, "post", "101");
        var market = await IdOfAsync(site, "post", "102");
        var wall = await IdOfAsync(site, "post", "106");
        var waiting = await IdOfAsync(site, "comment", "304");
        // The newsroom corrects a headline after the move.
        await site.WithDbAsync(db => db.Articles.Where(a => a.Id == fares)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Title, "Ferry fares frozen until 2026")));

        // Meanwhile, on WordPress: the market story is trashed, the waiting comment marked spam,
        // and the harbour wall story edited.
        var xml = InItem(WordPressExport.Xml, "102", "<wp:status><![CDATA[publish]]></wp:status>", "<wp:status><![CDATA[trash]]></wp:status>");
        xml = xml.Replace("Waiting for approval, this one.]]></wp:comment_content><wp:comment_approved><![CDATA[0]]>",
            "Waiting for approval, this one.]]></wp:comment_content><wp:comment_approved><![CDATA[spam]]>");
        xml = xml.Replace("The repair crew starts on Monday.", "The repair crew starts in June.");
        var (code, output) = await site.ImportAsync(xml);

        code.ShouldBe(0, output);
        output.ShouldContain("posts       created     0   updated     1   unchanged     4   taken down     1");
        output.ShouldContain("comments    created     0   updated     0   unchanged     3   taken down     1");
        var stories = await site.WithDbAsync(db => db.Articles.Where(a => a.Id == fares || a.Id == market || a.Id == wall).ToDictionaryAsync(a => a.Id));
        stories[fares].Title.ShouldBe("Ferry fares frozen until 2026");
        stories[market].Status.ShouldBe(ArticleStatus.Draft);
        stories[wall].BodyText.ShouldBe("The repair crew starts in June.");
        (await site.WithDbAsync(db => db.Comments.SingleAsync(c => c.Id == waiting))).Status.ShouldBe(CommentStatus.Rejected);
    }

    [Fact]
    public async Task Sections_are_chosen_and_the_other_categories_become_tags_with_their_old_archives_redirected()
    {
        await using var app = new Fixtures.BroadsheetApp();
        await app.InitializeAsync();
        var file = Path.Combine(app.Folder, "export.xml");
        await File.WriteAllTextAsync(file, WordPressExport.Xml);

        // A dry run says what would happen and writes nothing.
        var (dry, plan) = await app.ImportFileAsync(file, uploads: null, "--sections", "1", "--dry-run");
        dry.ShouldBe(0, plan);
        plan.ShouldContain("nothing was written");
        plan.ShouldContain("posts       created     6");
        (await app.WithDbAsync(db => db.Articles.CountAsync())).ShouldBe(0);
        (await app.WithDbAsync(db => db.Categories.CountAsync())).ShouldBe(0);

        var (code, output) = await app.ImportFileAsync(file, uploads: null, "--sections", "1");

        code.ShouldBe(0, output);
        // Local has the most posts; Harbour Council is its child, so its story is filed under Local.
        var sections = await app.WithDbAsync(db => db.Categories.Select(c => c.Slug).OrderBy(s => s).ToListAsync());
        sections.ShouldBe(["local", "uncategorized"]);
        var fares = await app.WithDbAsync(db => db.Articles.Include(a => a.Category).Include(a => a.Tags).SingleAsync(a => a.Slug == "ferry-fares-frozen"));
        fares.Category.Slug.ShouldBe("local");
        fares.Tags.Select(t => t.Slug).Order().ShouldBe(["ferries", "harbour-council", "novosti", "transport"]);
        (await app.WithDbAsync(db => db.Redirects.SingleAsync(r => r.FromPath == "/category/culture/"))).ToPath.ShouldBe("/tag/culture");

        var (unknown, refusal) = await app.ImportFileAsync(file, uploads: null, "--sections", "local,weather");
        unknown.ShouldBe(2, refusal);
        refusal.ShouldContain("weather is no category of this export");
    }

    private static Task<int> IdOfAsync(ImportedSite site, string kind, string wordpressId) =>
        site.WithDbAsync(async db => (int)(await db.ImportedItems.SingleAsync(i => i.Kind == kind && i.ExternalId == wordpressId)).LocalId);

    private static string InItem(string xml, string postId, string from, string to)
    {
        var at = xml.IndexOf($"<wp:post_id>{postId}</wp:post_id>", StringComparison.Ordinal);
        var start = xml.LastIndexOf("<item>", at, StringComparison.Ordinal);
        var end = xml.IndexOf("</item>", at, StringComparison.Ordinal);
        var item = xml[start..end];
        item.ShouldContain(from);
        return xml[..start] + item.Replace(from, to) + xml[end..];
    }
}
