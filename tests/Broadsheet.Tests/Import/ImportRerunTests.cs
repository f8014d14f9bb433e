using Broadsheet.Articles;
using Broadsheet.Comments;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Import;

/// <summary>
/// Running the import again converges on the export: what WordPress took down comes down here,
/// and what the newsroom changed since is kept unless the export changed that same item.
/// </summary>
[Trait("Category", "Integration")]
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
