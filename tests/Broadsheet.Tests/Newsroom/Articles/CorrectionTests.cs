using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Feeds;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>Issue 24: editors append corrections and clarifications to live stories, amend them, and never delete them.</summary>
[Trait("Category", "Integration")]
public sealed class CorrectionTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string Desk(int id) => $"/newsroom/articles/{id}/corrections";

    [Fact]
    public async Task An_editor_appends_a_correction_that_the_story_json_ld_feeds_and_audit_log_all_carry()
    {
        var article = await app.ArticleAsync();
        var story = $"/articles/{article.Slug}";
        (await app.GetPageAsync(story)).Page.QuerySelector(".corrections").ShouldBeNull(); // now cached: the change must evict it
        var (editor, user) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var before = DateTime.UtcNow.AddSeconds(-1);

        var (added, _) = await editor.PostFormAsync(Desk(article.Id), "new-correction", new()
        {
            ["Input.Kind"] = "Correction", ["Input.Placement"] = "Top",
            ["Input.Text"] = "An earlier version said the first sailing was at eight. It is at seven.",
        });

        ((int)added.StatusCode).ShouldBe(302);
        var row = await app.WithDbAsync(db => db.Corrections.AsNoTracking().SingleAsync(c => c.ArticleId == article.Id));
        (row.Kind, row.Placement, row.AmendedAt).ShouldBe((CorrectionKind.Correction, CorrectionPlacement.Top, (DateTime?)null));
        row.PublishedAt.ShouldBeGreaterThan(before);
        (await app.StoredAsync(article.Id)).UpdatedAt.ShouldBe(row.PublishedAt);
        var audit = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.TargetKind == "article" && e.TargetId == article.Id.ToString()).ToListAsync());
        audit.Single().Action.ShouldBe("article.correction");
        (audit.Single().ActorUserId, audit.Single().ActorName).ShouldBe(((int?)user.Id, user.DisplayName));
        audit.Single().Detail.ShouldContain("It is at seven.");

        var (_, page) = await app.GetPageAsync(story);
        var note = page.QuerySelector($"article.story > .corrections #correction-{row.Id}")!;
        note.TextContent.ShouldContain("An earlier version said the first sailing was at eight.");
        note.QuerySelector("time")!.GetAttribute("datetime").ShouldBe(row.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        Above(page, ".corrections", ".story-body").ShouldBeTrue();
        var ld = page.JsonLd()["NewsArticle"];
        var correction = ld.GetProperty("correction").EnumerateArray().Single();
        correction.Str("@type").ShouldBe("CorrectionComment");
        DateTimeOffset.Parse(correction.Str("datePublished")).UtcDateTime.ShouldBe(row.PublishedAt, TimeSpan.FromSeconds(1));
        correction.Str("text").ShouldBe("Correction: An earlier version said the first sailing was at eight. It is at seven.");
        DateTimeOffset.Parse(ld.Str("dateModified")).UtcDateTime.ShouldBe(row.PublishedAt, TimeSpan.FromSeconds(1));

        // The story's own feed says it changed.
        var (_, feed) = await app.FeedAsync($"/author/{(await app.StoredAsync(article.Id)).Author.Slug}/feed/atom");
        feed.Items.Single().LastUpdatedTime.UtcDateTime.ShouldBe(row.PublishedAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_amended_correction_replaces_its_wording_and_place_and_the_audit_log_keeps_both()
    {
        var article = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        await editor.PostFormAsync(Desk(article.Id), "new-correction", new()
        {
            ["Input.Kind"] = "Correction", ["Input.Placement"] = "Top", ["Input.Text"] = "The mayor is Ann Brook.",
        });
        var id = await app.WithDbAsync(db => db.Corrections.Where(c => c.ArticleId == article.Id).Select(c => c.Id).SingleAsync());
        (await app.GetPageAsync($"/articles/{article.Slug}")).Page.QuerySelector(".corrections")!.TextContent.ShouldContain("Ann Brook");

        var (amended, _) = await editor.PostFormAsync(Desk(article.Id), $"correction-{id}", new()
        {
            ["Input.Kind"] = "Clarification", ["Input.Placement"] = "Bottom", ["Input.Text"] = "The mayor is Anne Brooke.",
        });

        ((int)amended.StatusCode).ShouldBe(302);
        var row = await app.WithDbAsync(db => db.Corrections.AsNoTracking().SingleAsync(c => c.ArticleId == article.Id));
        (row.Id, row.Kind, row.Placement, row.Text).ShouldBe((id, CorrectionKind.Clarification, CorrectionPlacement.Bottom, "The mayor is Anne Brooke."));
        row.AmendedAt.ShouldNotBeNull();
        var entries = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.TargetKind == "article" && e.TargetId == article.Id.ToString()).OrderBy(e => e.Id).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["article.correction", "article.correction-amend"]);
        entries[1].Detail.ShouldContain("\"The mayor is Ann Brook.\"");
        entries[1].Detail.ShouldContain("\"The mayor is Anne Brooke.\"");

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
        var notes = page.QuerySelector(".corrections")!;
        notes.TextContent.ShouldContain("Clarification");
        notes.TextContent.ShouldContain("Anne Brooke");
        notes.TextContent.ShouldNotContain("Ann Brook.");
        Above(page, ".story-body", ".corrections").ShouldBeTrue();
        // Nothing on the desk deletes a note.
        (await editor.GetPageAsync(Desk(article.Id))).Page.QuerySelectorAll("form[action*='handler=Delete'], form[action*='handler=Remove']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Authors_and_readers_are_refused_and_bad_notes_or_unpublished_stories_get_a_422_with_nothing_stored()
    {
        var article = await app.ArticleAsync();
        var draft = await app.ArticleAsync(a => (a.Status, a.PublishedAt) = (ArticleStatus.Draft, null));
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        var (reader, _) = await app.SignedInReaderAsync();
        using var _e = editor; using var _a = author; using var _r = reader;
        var good = new Dictionary<string, string> { ["Input.Kind"] = "Correction", ["Input.Placement"] = "Bottom", ["Input.Text"] = "A fair note." };

        foreach (var outsider in new[] { author, reader })
        {
            ((int)(await outsider.GetPageAsync(Desk(article.Id))).Response.StatusCode).ShouldBe(403);
            var (_, form) = await editor.GetPageAsync(Desk(article.Id));
            var token = form.QuerySelector("#new-correction input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            ((int)(await outsider.PostAsync($"{Desk(article.Id)}?handler=Add", new Dictionary<string, string>(good) { ["__RequestVerificationToken"] = token })).Response.StatusCode)
                .ShouldBeOneOf(400, 403);
        }
        foreach (var (field, value) in new[] { ("Input.Text", "   "), ("Input.Text", new string('x', Correction.TextMax + 1)), ("Input.Kind", "Retraction"), ("Input.Placement", "Middle") })
        {
            var (refused, page) = await editor.PostFormAsync(Desk(article.Id), "new-correction", new Dictionary<string, string>(good) { [field] = value });
            ((int)refused.StatusCode).ShouldBe(422, $"{field}={value[..Math.Min(10, value.Length)]}");
            page.Problems().ShouldNotBeEmpty();
        }
        ((int)(await editor.GetPageAsync(Desk(draft.Id))).Response.StatusCode).ShouldBe(200);
        var (_, draftDesk) = await editor.GetPageAsync(Desk(draft.Id));
        draftDesk.QuerySelector("#new-correction").ShouldBeNull();
        var (_, liveDesk) = await editor.GetPageAsync(Desk(article.Id));
        var values = Hidden(liveDesk.QuerySelector("#new-correction")!);
        foreach (var (k, v) in good) values[k] = v;
        ((int)(await editor.PostAsync($"{Desk(draft.Id)}?handler=Add", values)).Response.StatusCode).ShouldBe(422);
        ((int)(await editor.GetPageAsync(Desk(999_999_999))).Response.StatusCode).ShouldBe(404);

        (await app.WithDbAsync(db => db.Corrections.CountAsync(c => c.ArticleId == article.Id || c.ArticleId == draft.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.TargetKind == "article" && (e.TargetId == article.Id.ToString() || e.TargetId == draft.Id.ToString())))).ShouldBe(0);
    }

    private static bool Above(IDocument page, string first, string second)
    {
        var all = page.QuerySelectorAll($"article.story {first}, article.story {second}").ToList();
        return all.Count >= 2 && all[0].Matches(first);
    }

    private static Dictionary<string, string> Hidden(IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
}

/// <summary>Posting one of several forms on a page, found by its id.</summary>
public static class FormPosting
{
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostFormAsync(this ReaderSession session, string pagePath, string formId, Dictionary<string, string> fields)
    {
        var (_, page) = await session.GetPageAsync(pagePath);
        var form = page.QuerySelector($"form#{formId}") ?? throw new Xunit.Sdk.XunitException($"No form #{formId} on {pagePath}.");
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await session.PostAsync(form.GetAttribute("action")!, values);
    }
}
