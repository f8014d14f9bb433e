using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>Issue 24: a save of a live story marked as substantive shows "Updated 14:05"; a typo fix shows nothing.</summary>
[Trait("Category", "Integration")]
public sealed class UpdateTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string Note = "This story has been updated with the minister's statement.";

    [Fact]
    public async Task A_ticked_save_of_a_live_story_shows_updated_with_its_time_and_note_and_moves_date_modified()
    {
        var article = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;

        var (saved, page) = await editor.ActAsync(DeskSession.Edit(article.Id), "Save", new Dictionary<string, string?>
        {
            ["Input.Body"] = "The minister said the ferry stays.", ["Input.Substantive"] = "true", ["Input.UpdateNote"] = Note,
        });

        ((int)saved.StatusCode).ShouldBe(302, page.Problems());
        var stored = await app.StoredAsync(article.Id);
        stored.SubstantiveUpdateAt.ShouldNotBeNull();
        stored.UpdateNote.ShouldBe(Note);
        (await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).Select(r => r.Reason).FirstAsync()))
            .ShouldBe("update");

        var (_, story) = await app.GetPageAsync($"/articles/{article.Slug}");
        var updated = stored.SubstantiveUpdateAt!.Value;
        var time = story.QuerySelector(".story-header .updated time")!;
        time.GetAttribute("datetime").ShouldBe(updated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        // The site's zone is UTC here: the clock time alone on the day of publication, with the date otherwise.
        time.TextContent.ShouldBe(updated.ToString(updated.Date == stored.PublishedAt!.Value.Date ? "HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture));
        story.QuerySelector(".story-header .update-note")!.TextContent.ShouldBe(Note);
        DateTimeOffset.Parse(story.JsonLd()["NewsArticle"].Str("dateModified")).UtcDateTime.ShouldBe(updated, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_unticked_save_changes_nothing_readers_see_about_when_the_story_changed()
    {
        var published = DateTime.UtcNow.AddHours(-3);
        var earlier = published.AddMinutes(30);
        var updatedBefore = await app.ArticleAsync(a => (a.PublishedAt, a.SubstantiveUpdateAt, a.UpdateNote) = (published, earlier, "With the council's reply."));
        var neverUpdated = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var (_, before) = await app.GetPageAsync($"/articles/{updatedBefore.Slug}");

        foreach (var a in new[] { updatedBefore, neverUpdated })
        {
            var (saved, page) = await editor.ActAsync(DeskSession.Edit(a.Id), "Save", new Dictionary<string, string?>
            {
                ["Input.Body"] = "The first sailing moves to seven o'clock (a typo fixed).", ["Input.UpdateNote"] = "Not ticked, so never shown.",
            });
            ((int)saved.StatusCode).ShouldBe(302, page.Problems());
            (await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == a.Id).OrderByDescending(r => r.Id).Select(r => r.Reason).FirstAsync())).ShouldBe("save");
        }

        var stored = await app.StoredAsync(updatedBefore.Id);
        stored.UpdatedAt.ShouldBeGreaterThan(earlier); // the save happened
        stored.SubstantiveUpdateAt!.Value.ShouldBe(earlier, TimeSpan.FromSeconds(1));
        stored.UpdateNote.ShouldBe("With the council's reply.");
        var (_, after) = await app.GetPageAsync($"/articles/{updatedBefore.Slug}");
        after.QuerySelector(".story-body")!.TextContent.ShouldContain("a typo fixed");
        after.QuerySelector(".story-header .meta")!.InnerHtml.ShouldBe(before.QuerySelector(".story-header .meta")!.InnerHtml);
        after.QuerySelector(".update-note")!.TextContent.ShouldBe("With the council's reply.");
        after.JsonLd()["NewsArticle"].Str("dateModified").ShouldBe(before.JsonLd()["NewsArticle"].Str("dateModified"));

        var (_, plain) = await app.GetPageAsync($"/articles/{neverUpdated.Slug}");
        plain.QuerySelector(".story-body")!.TextContent.ShouldContain("a typo fixed");
        plain.QuerySelector(".story-header .updated").ShouldBeNull();
        plain.QuerySelector(".update-note").ShouldBeNull();
        var ld = plain.JsonLd()["NewsArticle"];
        ld.Str("dateModified").ShouldBe(ld.Str("datePublished"));
    }

    [Fact]
    public async Task The_tick_means_nothing_on_a_draft()
    {
        var section = await app.CategoryAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var id = await editor.WriteAsync(section, $"Draft {Guid.NewGuid():N}"[..20]);
        var (saved, _) = await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Substantive"] = "true", ["Input.UpdateNote"] = Note });
        ((int)saved.StatusCode).ShouldBe(302);
        var stored = await app.StoredAsync(id);
        (stored.SubstantiveUpdateAt, stored.UpdateNote).ShouldBe(((DateTime?)null, ""));
    }
}
