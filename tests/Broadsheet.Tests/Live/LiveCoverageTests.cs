using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Live;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Live;

/// <summary>
/// Live coverage end to end on one instance: the composer's forms (editors only, audited), the
/// cached story page evicted on each entry, and the event stream with its replay.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveCoverageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private async Task<(ReaderSession Editor, Article Story)> LiveStoryAsync()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        var story = await app.ArticleAsync();
        var (started, _) = await SubmitExactAsync(editor, $"/newsroom/live/{story.Id}", $"/newsroom/live/{story.Id}?handler=start", new());
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (editor, story);
    }

    /// <summary>Submits the form whose action is exactly <paramref name="action"/> (the composer has several on one path).</summary>
    internal static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SubmitExactAsync(ReaderSession session, string page, string action, Dictionary<string, string> fields)
    {
        var (_, doc) = await session.GetPageAsync(page);
        var form = doc.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on {page}.");
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await session.PostAsync(action, values);
    }

    private static async Task<HttpResponseMessage> PostEntryAsync(ReaderSession editor, int storyId, string body, bool key = false, bool pinned = false)
    {
        var fields = new Dictionary<string, string> { ["Body"] = body };
        if (key) fields["KeyEvent"] = "true";
        if (pinned) fields["Pinned"] = "true";
        var (response, _) = await SubmitExactAsync(editor, $"/newsroom/live/{storyId}", $"/newsroom/live/{storyId}?handler=add", fields);
        return response;
    }

    private Task<LiveEntry> EntryAsync(int storyId, string body) =>
        app.WithDbAsync(db => db.LiveEntries.AsNoTracking().SingleAsync(e => e.ArticleId == storyId && e.BodyMarkdown == body));

    [Fact]
    public async Task An_editor_makes_a_story_live_and_an_entry_posted_in_the_composer_shows_on_the_cached_page_with_its_own_link()
    {
        var (editor, story) = await LiveStoryAsync();
        var (before, _) = await app.GetPageAsync($"/articles/{story.Slug}"); // now cached (60 s in tests)
        before.StatusCode.ShouldBe(HttpStatusCode.OK);

        var text = $"Ferry **{TestNewsroom.Word()}** leaves the harbour";
        (await PostEntryAsync(editor, story.Id, text, key: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entry = await EntryAsync(story.Id, text);
        entry.BodyHtml.ShouldContain("<strong>");
        (entry.IsKeyEvent, entry.Sequence, entry.CreatedSequence).ShouldBe((true, 1L, 1L));
        var audited = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.TargetKind == "live-entry" && a.TargetId == entry.Id.ToString()).Select(a => a.Action).ToListAsync());
        audited.ShouldBe(["live.entry.add"]);

        // The entry evicted the cached copy: the next anonymous view shows it, its permalink and the key-events timeline.
        var (_, page) = await app.GetPageAsync($"/articles/{story.Slug}");
        var shown = page.QuerySelector($"#entry-{entry.Id}").ShouldNotBeNull();
        shown.QuerySelector($"a[href='#entry-{entry.Id}']").ShouldNotBeNull();
        page.QuerySelector($".live-timeline a[href='#entry-{entry.Id}']").ShouldNotBeNull();
        page.QuerySelector("[data-live-stream]")!.GetAttribute("data-live-stream").ShouldBe($"/live/{story.Id}/events?after=1");
        page.QuerySelector(".story-body").ShouldNotBeNull(); // the story's own body stays, as the summary
    }

    [Fact]
    public async Task Edits_deletions_pins_and_the_end_of_coverage_each_reach_the_page_and_the_audit_log()
    {
        var (editor, story) = await LiveStoryAsync();
        var first = $"First {TestNewsroom.Word()}";
        var second = $"Second {TestNewsroom.Word()}";
        await PostEntryAsync(editor, story.Id, first);
        await PostEntryAsync(editor, story.Id, second);
        var a = await EntryAsync(story.Id, first);
        var b = await EntryAsync(story.Id, second);
        var here = $"/newsroom/live/{story.Id}";

        (await SubmitExactAsync(editor, here, $"{here}?entry={a.Id}&handler=pin&on=True", new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edited = $"First, corrected {TestNewsroom.Word()}";
        (await SubmitExactAsync(editor, $"{here}?edit={a.Id}", $"{here}?handler=edit&entry={a.Id}", new Dictionary<string, string> { ["Body"] = edited, ["Pinned"] = "true" })).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var deleteForm = $"{here}?entry={b.Id}&handler=delete";
        var (_, composer) = await editor.GetPageAsync(here);
        composer.QuerySelector($"form[action='{deleteForm}']").ShouldNotBeNull();
        (await SubmitExactAsync(editor, here, deleteForm, new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rows = await app.WithDbAsync(db => db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == story.Id).OrderBy(e => e.Id).ToListAsync());
        rows[0].BodyMarkdown.ShouldBe(edited);
        rows[0].IsPinned.ShouldBeTrue();
        rows[0].EditedAt.ShouldNotBeNull();
        rows[1].DeletedAt.ShouldNotBeNull(); // a tombstone, so a stream resumed later can announce it
        rows.Select(r => r.Sequence).ShouldBe([4L, 5L]); // add, add, pin, edit, delete: each change took the next value

        var (_, page) = await app.GetPageAsync($"/articles/{story.Slug}");
        page.QuerySelector($".live-pinned-box #entry-{a.Id}").ShouldNotBeNull();
        page.QuerySelector($"#entry-{b.Id}").ShouldBeNull();
        page.Body!.TextContent.ShouldContain("First, corrected");

        (await SubmitExactAsync(editor, here, $"{here}?handler=end", new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, ended) = await app.GetPageAsync($"/articles/{story.Slug}");
        ended.QuerySelector("[data-live-stream]").ShouldBeNull(ended.QuerySelector("[data-live-stream]")?.OuterHtml[..300]); // a normal story now, with its entries
        ended.QuerySelector($"#entry-{a.Id}").ShouldNotBeNull();
        ended.QuerySelector(".live-badge-ended").ShouldNotBeNull();
        var actions = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(x => (x.TargetKind == "live-entry" && (x.TargetId == a.Id.ToString() || x.TargetId == b.Id.ToString())) || (x.TargetKind == "article" && x.TargetId == story.Id.ToString() && x.Action.StartsWith("live.")))
            .OrderBy(x => x.Id).Select(x => x.Action).ToListAsync());
        actions.ShouldBe(["live.start", "live.entry.add", "live.entry.add", "live.entry.pin", "live.entry.edit", "live.entry.delete", "live.end"]);
    }

    [Fact]
    public async Task Readers_and_authors_cannot_open_or_post_to_the_composer_and_bad_entries_are_refused()
    {
        var (editor, story) = await LiveStoryAsync();
        foreach (var role in new[] { Roles.Reader, Roles.Author })
        {
            var (someone, _) = await app.SignedInReaderAsync(role);
            var (response, _) = await someone.GetPageAsync($"/newsroom/live/{story.Id}");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await PostEntryAsync(editor, story.Id, "   ")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostEntryAsync(editor, story.Id, new string('x', LiveEntry.BodyMax + 1))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var (picture, _) = await SubmitExactAsync(editor, $"/newsroom/live/{story.Id}", $"/newsroom/live/{story.Id}?handler=add",
            new Dictionary<string, string> { ["Body"] = "x", ["ImagePath"] = "../../etc/passwd" });
        picture.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await editor.GetPageAsync("/newsroom/live/999999")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.LiveEntries.CountAsync(e => e.ArticleId == story.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_author_runs_live_coverage_on_their_own_story_and_another_author_is_refused()
    {
        var (owner, byline) = await Broadsheet.Tests.Newsroom.Analytics.NewsroomData.SignedInAuthorAsync(app);
        var story = await Broadsheet.Tests.Newsroom.Analytics.NewsroomData.StoryAsync(app, byline, ArticleStatus.Published);
        var here = $"/newsroom/live/{story.Id}";
        (await SubmitExactAsync(owner, here, $"{here}?handler=start", new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var text = $"From the author {TestNewsroom.Word()}";
        (await PostEntryAsync(owner, story.Id, text)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = await EntryAsync(story.Id, text);
        (await SubmitExactAsync(owner, here, $"{here}?entry={entry.Id}&handler=key&on=True", new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.LiveEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id))).IsKeyEvent.ShouldBeTrue();
        var (_, editor) = await owner.GetPageAsync($"/newsroom/articles/{story.Id}/edit");
        editor.QuerySelector($"a[href='{here}']").ShouldNotBeNull("the story's editor links its live coverage for its author");

        // Another author, with a valid form token from their own story's composer: the page and every form are refused, and nothing changes.
        var (other, otherByline) = await Broadsheet.Tests.Newsroom.Analytics.NewsroomData.SignedInAuthorAsync(app);
        var theirs = await Broadsheet.Tests.Newsroom.Analytics.NewsroomData.StoryAsync(app, otherByline, ArticleStatus.Published);
        var (own, ownPage) = await other.GetPageAsync($"/newsroom/live/{theirs.Id}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await other.GetPageAsync(here)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var action in new[] { $"{here}?handler=add", $"{here}?entry={entry.Id}&handler=delete", $"{here}?handler=end" })
        {
            var (refused, _) = await other.PostAsync(action, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = "Not mine" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, action);
        }
        var rows = await app.WithDbAsync(db => db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == story.Id).ToListAsync());
        rows.ShouldHaveSingleItem().DeletedAt.ShouldBeNull();
        (await app.WithDbAsync(db => db.LiveStories.AsNoTracking().SingleAsync(s => s.ArticleId == story.Id))).EndedAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_entry_s_markdown_is_sanitised_like_an_article_body()
    {
        var (editor, story) = await LiveStoryAsync();
        var text = $"<script>alert(1)</script><img src=x onerror=alert(2)> Calm {TestNewsroom.Word()}";
        await PostEntryAsync(editor, story.Id, text);
        var entry = await EntryAsync(story.Id, text);
        entry.BodyHtml.ShouldNotContain("<script");
        entry.BodyHtml.ShouldNotContain("onerror");
    }

    [Fact]
    public async Task The_stream_sends_added_edited_and_deleted_entries_with_the_story_s_sequence_as_id()
    {
        var (editor, story) = await LiveStoryAsync();
        await using var sse = await SseClient.OpenAsync(app.Address, $"/live/{story.Id}/events?after=0");
        sse.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sse.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");

        var text = $"Stream {TestNewsroom.Word()}";
        await PostEntryAsync(editor, story.Id, text);
        var added = await sse.NextAsync();
        var entry = await EntryAsync(story.Id, text);
        (added.Type, added.Id).ShouldBe(("added", "1"));
        using (var doc = JsonDocument.Parse(added.Data))
        {
            doc.RootElement.GetProperty("id").GetInt32().ShouldBe(entry.Id);
            doc.RootElement.GetProperty("html").GetString()!.ShouldContain($"id=\"entry-{entry.Id}\"");
        }

        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<LiveDesk>();
        var editorId = entry.AuthorId!.Value;
        await desk.EditAsync(entry.Id, new EntryInput("Changed words", null, null, null, null, false, false), editorId, default);
        var edited = await sse.NextAsync();
        (edited.Type, edited.Id).ShouldBe(("edited", "2"));
        edited.Data.ShouldContain("Changed words");
        await desk.DeleteAsync(entry.Id, editorId, default);
        var deleted = await sse.NextAsync();
        (deleted.Type, deleted.Id).ShouldBe(("deleted", "3"));
        deleted.Data.ShouldNotContain("Changed words");
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_gets_exactly_the_missed_changes_then_the_live_ones()
    {
        var (editor, story) = await LiveStoryAsync();
        var bodies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            bodies.Add($"Missed {i} {TestNewsroom.Word()}");
            await PostEntryAsync(editor, story.Id, bodies[^1]);
        }
        var ids = new List<int>();
        foreach (var b in bodies) ids.Add((await EntryAsync(story.Id, b)).Id);

        await using var sse = await SseClient.OpenAsync(app.Address, $"/live/{story.Id}/events", lastEventId: "2");
        var later = $"Later {TestNewsroom.Word()}";
        await PostEntryAsync(editor, story.Id, later);
        var laterId = (await EntryAsync(story.Id, later)).Id;

        var events = await sse.UntilAsync(e => e.Id == "5");
        events.Select(e => (e.Type, e.Id)).ShouldBe([("added", "3"), ("added", "4"), ("added", "5")]);
        events.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetInt32()).ShouldBe([ids[2], ids[3], laterId]);
    }

    [Fact]
    public async Task A_reader_that_stops_reading_is_dropped_a_full_log_behind_while_one_that_reads_gets_every_frame()
    {
        var (_, story) = await LiveStoryAsync();
        var hub = app.Services.GetRequiredService<LiveHub>();
        var stalled = await hub.JoinAsync(story.Id, default);
        var reading = await hub.JoinAsync(story.Id, default);
        try
        {
            var got = 0;
            for (var i = 0; i <= LiveLog.Size; i++)
            {
                // A broadcast returns without waiting for anyone: the stalled reader holds nobody up.
                hub.HeartbeatAll();
                (await reading.WaitAsync()).ShouldBeTrue();
                while (reading.TryRead(out _)) got++;
            }
            got.ShouldBeGreaterThanOrEqualTo(LiveLog.Size + 1);
            reading.Dropped.ShouldBeFalse();
            // One frame more than the log holds: its oldest unread frame is gone, so it is dropped
            // (its connection closes, and its browser reconnects with Last-Event-ID).
            stalled.TryRead(out _).ShouldBeFalse();
            stalled.Dropped.ShouldBeTrue();
            (await stalled.WaitAsync()).ShouldBeFalse();
        }
        finally
        {
            hub.Leave(stalled);
            hub.Leave(reading);
        }
    }

    [Fact]
    public async Task The_stream_answers_404_for_a_story_never_live_204_once_ended_and_400_for_a_bad_position()
    {
        var plain = await app.ArticleAsync();
        (await app.Client().GetAsync($"/live/{plain.Id}/events")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (editor, story) = await LiveStoryAsync();
        var bad = new HttpRequestMessage(HttpMethod.Get, $"/live/{story.Id}/events");
        bad.Headers.Add("Last-Event-ID", "-3");
        (await app.Client().SendAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await SubmitExactAsync(editor, $"/newsroom/live/{story.Id}", $"/newsroom/live/{story.Id}?handler=end", new());
        (await app.Client().GetAsync($"/live/{story.Id}/events")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_live_story_taken_down_mid_coverage_no_longer_streams_its_entries()
    {
        var (editor, story) = await LiveStoryAsync();
        (await PostEntryAsync(editor, story.Id, "Crews reach the harbour wall.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ArticleStatus.Unpublished)));

        var response = await app.Client().GetAsync($"/live/{story.Id}/events?after=0");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("harbour wall");
    }

    [Fact]
    public async Task Ending_coverage_tells_connected_readers_and_closes_their_stream()
    {
        var (editor, story) = await LiveStoryAsync();
        await using var sse = await SseClient.OpenAsync(app.Address, $"/live/{story.Id}/events");
        await SubmitExactAsync(editor, $"/newsroom/live/{story.Id}", $"/newsroom/live/{story.Id}?handler=end", new());
        (await sse.NextAsync()).Type.ShouldBe("ended");
        await Should.ThrowAsync<EndOfStreamException>(() => sse.NextAsync());
    }
}
