using Broadsheet.Articles;
using Broadsheet.Tests.Feeds;
using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Articles;

/// <summary>/corrections and its feeds (issue 24): every note on a live story, newest first.</summary>
[Trait("Category", "Integration")]
public sealed class CorrectionsPageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task The_corrections_page_and_its_feeds_list_notes_on_live_stories_newest_first_and_leave_out_taken_down_ones()
    {
        var live = await app.ArticleAsync();
        var gone = await app.ArticleAsync(a => a.Status = ArticleStatus.Unpublished);
        var older = await NoteAsync(live, CorrectionKind.Clarification, "The bridge is owned by the port.", minutesAgo: 10);
        var newer = await NoteAsync(live, CorrectionKind.Correction, "The ferry carries 400 people, not 4,000.", minutesAgo: 1);
        var hidden = await NoteAsync(gone, CorrectionKind.Correction, "A note on a story readers cannot see.", minutesAgo: 0);

        var (response, page) = await app.GetPageAsync("/corrections");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Corrections and clarifications");
        var ids = page.QuerySelectorAll(".correction-list > li").Select(li => li.Id).ToList();
        ids.ShouldContain($"correction-{newer.Id}");
        ids.IndexOf($"correction-{newer.Id}").ShouldBeLessThan(ids.IndexOf($"correction-{older.Id}"));
        ids.ShouldNotContain($"correction-{hidden.Id}");
        var item = page.QuerySelector($"#correction-{newer.Id}")!;
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/articles/{live.Slug}#correction-{newer.Id}");
        item.TextContent.ShouldContain("The ferry carries 400 people, not 4,000.");
        page.QuerySelector($"#correction-{older.Id}")!.TextContent.ShouldContain("Clarification");
        page.QuerySelector("footer a[href='/corrections']").ShouldNotBeNull();
        page.QuerySelector("link[rel=alternate][href$='/corrections/feed']").ShouldNotBeNull();

        foreach (var path in new[] { "/corrections/feed", "/corrections/feed/atom" })
        {
            var (_, feed) = await app.FeedAsync(path);
            var links = feed.Items.Select(i => i.Links.First().Uri.ToString()).ToList();
            links.ShouldContain(l => l.EndsWith($"/articles/{live.Slug}#correction-{newer.Id}"), path);
            links.ShouldNotContain(l => l.EndsWith($"#correction-{hidden.Id}"), path);
            var entry = feed.Items.Single(i => i.Links.First().Uri.ToString().EndsWith($"#correction-{newer.Id}"));
            entry.Title.Text.ShouldBe($"Correction: {live.Title}");
            entry.Id.ShouldEndWith($"#correction-{newer.Id}");
        }
    }

    [Fact]
    public async Task A_malformed_page_number_is_a_400_and_a_page_past_the_end_a_404()
    {
        ((int)(await app.GetPageAsync("/corrections?page=0")).Response.StatusCode).ShouldBe(400);
        ((int)(await app.GetPageAsync("/corrections?page=abc")).Response.StatusCode).ShouldBe(400);
        ((int)(await app.GetPageAsync("/corrections?page=10000")).Response.StatusCode).ShouldBe(404);
    }

    private async Task<Correction> NoteAsync(Article article, CorrectionKind kind, string text, int minutesAgo)
    {
        var note = await app.WithDbAsync(async db =>
        {
            var c = db.Corrections.Add(new Correction
            {
                ArticleId = article.Id, Kind = kind, Placement = CorrectionPlacement.Bottom, Text = text,
                PublishedAt = DateTime.UtcNow.AddMinutes(-minutesAgo),
            }).Entity;
            await db.SaveChangesAsync();
            return c;
        });
        await app.ContentChangedAsync();
        return note;
    }
}
