using Broadsheet.Newsroom;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

[Trait("Category", "Integration")]
public sealed class EditorTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string Title(string stem) => $"{stem} {Guid.NewGuid():N}"[..(stem.Length + 9)];

    [Fact]
    public async Task An_author_writes_a_draft_under_a_new_byline_and_no_other_author_can_see_or_change_it()
    {
        var section = await app.CategoryAsync();
        var (author, user) = await app.SignedInReaderAsync(Roles.Author);
        var (other, _) = await app.SignedInReaderAsync(Roles.Author);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _a = author; using var _o = other; using var _e = editor;
        var title = Title("Tram depot plans");

        var id = await author.WriteAsync(section, title, "The depot *opens* in spring.", new Dictionary<string, string?> { ["Input.Tags"] = "Transport, New depot" });

        var stored = await app.StoredAsync(id);
        (stored.Title, stored.Status, stored.Author.UserId, stored.Author.DisplayName).ShouldBe((title, ArticleStatus.Draft, (int?)user.Id, user.DisplayName));
        stored.Slug.ShouldBe(Broadsheet.Shared.Slug.From(title));
        stored.BodyHtml.ShouldContain("<em>opens</em>");
        stored.Tags.Select(t => t.Slug).Order().ShouldBe(["new-depot", "transport"]);
        (await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Reason).ToListAsync())).ShouldBe(["save"]);

        (await author.GetPageAsync("/newsroom/articles?status=draft")).Page.QuerySelector($"#article-{id} .title")!.TextContent.ShouldBe(title);
        (await editor.GetPageAsync("/newsroom/articles")).Page.QuerySelector($"#article-{id} .author")!.TextContent.ShouldBe(user.DisplayName);
        (await other.GetPageAsync("/newsroom/articles")).Page.QuerySelector($"#article-{id}").ShouldBeNull();

        // Someone else's draft is, to an author, no draft at all: 404 to read it, to save over it, to see its history.
        ((int)(await other.GetPageAsync(DeskSession.Edit(id))).Response.StatusCode).ShouldBe(404);
        ((int)(await other.GetPageAsync($"/newsroom/articles/{id}/revisions")).Response.StatusCode).ShouldBe(404);
        var (_, ownPage) = await other.GetPageAsync(DeskSession.New);
        var values = DeskSession.FormValues(ownPage);
        values["Input.Title"] = "Taken over";
        values["Input.CategoryId"] = section.Id.ToString();
        ((int)(await other.PostAsync($"{DeskSession.Edit(id)}?handler=Save", values)).Response.StatusCode).ShouldBe(404);
        values["Input.Id"] = id.ToString();
        ((int)(await other.PostAsync($"{DeskSession.New}?handler=Save", values)).Response.StatusCode).ShouldBe(404);
        (await app.StoredAsync(id)).Title.ShouldBe(title);

        // A reader is turned away from the newsroom altogether.
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        ((int)(await reader.GetPageAsync(DeskSession.Edit(id))).Response.StatusCode).ShouldBe(403);
        ((int)(await reader.GetPageAsync("/newsroom/articles")).Response.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task Posted_fields_outside_the_form_change_nothing()
    {
        var section = await app.CategoryAsync();
        var someoneElse = await app.AuthorAsync();
        var (author, user) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var id = await author.WriteAsync(section, Title("Bridge repairs"), more: new Dictionary<string, string?>
        {
            ["AuthorId"] = someoneElse.Id.ToString(), ["Input.AuthorId"] = someoneElse.Id.ToString(),
            ["Status"] = "Published", ["Input.Status"] = "Published", ["Input.PublishedAt"] = "2020-01-01T00:00",
            ["ViewCount"] = "9999", ["Input.ViewCount"] = "9999", ["Role"] = "admin", ["Input.Role"] = "admin",
            // Only editors put a story in the breaking bar.
            ["Input.Breaking"] = "true", ["Input.BreakingUntil"] = "2099-01-01T00:00",
        });
        var stored = await app.StoredAsync(id);
        (stored.Status, stored.PublishedAt, stored.ViewCount, stored.BreakingUntil).ShouldBe((ArticleStatus.Draft, (DateTime?)null, 0L, (DateTime?)null));
        stored.Author.UserId.ShouldBe(user.Id);
        (await app.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == user.Id))).ShouldBe(2); // reader and author, no admin
    }

    [Fact]
    public async Task A_taken_or_malformed_slug_is_a_422_with_a_message_and_an_empty_one_is_made_from_the_title()
    {
        var section = await app.CategoryAsync();
        var existing = await app.ArticleAsync(category: section);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var fields = new Dictionary<string, string?> { ["Input.Title"] = "Another story", ["Input.CategoryId"] = section.Id.ToString(), ["Input.Slug"] = existing.Slug };

        var (taken, page) = await editor.ActAsync(DeskSession.New, "Save", fields);
        ((int)taken.StatusCode).ShouldBe(422);
        page.Problems().ShouldContain(Broadsheet.Newsroom.Articles.ArticleDesk.SlugTaken(existing.Slug));
        page.QuerySelector("#title")!.GetAttribute("value").ShouldBe("Another story"); // nothing typed is lost

        fields["Input.Slug"] = "Not A Slug!";
        var (bad, badPage) = await editor.ActAsync(DeskSession.New, "Save", fields);
        ((int)bad.StatusCode).ShouldBe(422);
        badPage.Problems().ShouldContain("lower-case letters");

        var title = Title("Ärger über Brücke");
        var id = await editor.WriteAsync(section, title, more: new Dictionary<string, string?> { ["Input.Slug"] = "" });
        (await app.StoredAsync(id)).Slug.ShouldBe(Broadsheet.Shared.Slug.From(title));
        (await app.StoredAsync(id)).Slug.ShouldStartWith("arger-uber-brucke-");
    }

    [Fact]
    public async Task An_author_submits_for_review_and_cannot_publish_an_editor_publishes_renames_and_unpublishes()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _a = author; using var _e = editor;
        using var anonymous = app.Reader();
        var id = await author.WriteAsync(section, Title("Library hours"));

        var (submitted, _) = await author.ActAsync(DeskSession.Edit(id), "Submit");
        ((int)submitted.StatusCode).ShouldBe(302);
        (await app.StoredAsync(id)).SubmittedAt.ShouldNotBeNull();
        (await editor.GetPageAsync("/newsroom/articles?status=submitted")).Page.QuerySelector($"#article-{id} .status")!.TextContent.ShouldBe("submitted for review");

        // The author's page offers no Publish button, and posting it anyway is refused.
        var (_, authorPage) = await author.GetPageAsync(DeskSession.Edit(id));
        authorPage.QuerySelector("button[formaction$='handler=Publish']").ShouldBeNull();
        var values = DeskSession.FormValues(authorPage);
        var (refused, refusedPage) = await author.PostAsync($"{DeskSession.Edit(id)}?handler=Publish", values);
        ((int)refused.StatusCode).ShouldBe(403);
        refusedPage.Problems().ShouldContain("Only an editor can publish");
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Draft);

        var (published, _) = await editor.ActAsync(DeskSession.Edit(id), "Publish");
        ((int)published.StatusCode).ShouldBe(302);
        var live = await app.StoredAsync(id);
        (live.Status, live.SubmittedAt).ShouldBe((ArticleStatus.Published, (DateTime?)null));
        live.PublishedAt.ShouldNotBeNull();
        (await anonymous.GetPageAsync($"/articles/{live.Slug}")).Page.QuerySelector("#story-title")!.TextContent.ShouldBe(live.Title);

        // Now it is the editors': the author can no longer save over the live story.
        var (locked, _) = await author.PostAsync($"{DeskSession.Edit(id)}?handler=Save", DeskSession.FormValues((await author.GetPageAsync(DeskSession.Edit(id))).Page));
        ((int)locked.StatusCode).ShouldBe(403);

        // A new slug keeps the old address working, as one hop even after a second rename.
        var first = live.Slug;
        var second = first + "-renamed";
        var third = first + "-again";
        await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Slug"] = second });
        await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Slug"] = third });
        foreach (var old in new[] { first, second })
        {
            var (moved, _) = await anonymous.GetPageAsync($"/articles/{old}");
            ((int)moved.StatusCode).ShouldBe(301);
            moved.Headers.Location!.OriginalString.ShouldBe($"/articles/{third}");
        }
        ((int)(await anonymous.GetPageAsync($"/articles/{third}")).Response.StatusCode).ShouldBe(200);

        // Back to the first name: that address is the page again, and the others lead to it.
        await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Slug"] = first });
        ((int)(await anonymous.GetPageAsync($"/articles/{first}")).Response.StatusCode).ShouldBe(200);
        (await app.WithDbAsync(db => db.Redirects.Where(r => r.ToPath.StartsWith($"/articles/{first}") || r.FromPath.StartsWith($"/articles/{first}"))
            .OrderBy(r => r.FromPath).Select(r => r.FromPath + " > " + r.ToPath).ToListAsync()))
            .ShouldBe([$"/articles/{third} > /articles/{first}", $"/articles/{second} > /articles/{first}"], ignoreOrder: true);
        third = first;

        var (unpublished, _) = await editor.ActAsync(DeskSession.Edit(id), "Unpublish");
        ((int)unpublished.StatusCode).ShouldBe(302);
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Unpublished);
        ((int)(await anonymous.GetPageAsync($"/articles/{third}")).Response.StatusCode).ShouldBe(404);

        (await app.AuditAsync(id)).Select(a => a.Split(' ')[0]).ShouldBe(["article.submit", "article.publish", "article.unpublish"]);
        (await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Reason).ToListAsync()))
            .ShouldBe(["save", "submit", "publish", "save", "save", "save", "unpublish"]);
    }

    [Fact]
    public async Task Scheduling_needs_a_future_time_and_a_picture_needs_alt_text()
    {
        var section = await app.CategoryAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var id = await editor.WriteAsync(section, Title("Harbour festival"));

        var (past, pastPage) = await editor.ActAsync(DeskSession.Edit(id), "Schedule", new Dictionary<string, string?> { ["Input.ScheduleAt"] = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm") });
        ((int)past.StatusCode).ShouldBe(422);
        pastPage.Problems().ShouldContain("a time in the future");

        var at = DateTime.UtcNow.AddDays(2);
        var (scheduled, _) = await editor.ActAsync(DeskSession.Edit(id), "Schedule", new Dictionary<string, string?> { ["Input.ScheduleAt"] = at.ToString("yyyy-MM-ddTHH:mm") });
        ((int)scheduled.StatusCode).ShouldBe(302);
        var stored = await app.StoredAsync(id);
        stored.Status.ShouldBe(ArticleStatus.Scheduled);
        stored.PublishedAt!.Value.ShouldBe(new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0), TimeSpan.FromSeconds(1));
        (await app.AuditAsync(id)).Single().ShouldStartWith("article.schedule by ");
        ((int)(await app.GetPageAsync($"/articles/{stored.Slug}")).Response.StatusCode).ShouldBe(404); // not yet

        var picture = await app.WithDbAsync(async db =>
        {
            var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 1600, Height = 900, UploadedAt = DateTime.UtcNow }).Entity;
            await db.SaveChangesAsync();
            return m;
        });
        var (noAlt, noAltPage) = await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Image"] = picture.FileName, ["Input.ImageAlt"] = "" });
        ((int)noAlt.StatusCode).ShouldBe(422);
        noAltPage.Problems().ShouldContain("alt text");
        var (withAlt, _) = await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Image"] = picture.FileName, ["Input.ImageAlt"] = "Boats in the harbour", ["Input.ImageCaption"] = "The regatta" });
        ((int)withAlt.StatusCode).ShouldBe(302);
        stored = await app.StoredAsync(id);
        (stored.ImagePath, stored.ImageWidth, stored.ImageHeight, stored.ImageAlt, stored.ImageCaption).ShouldBe((picture.FileName, (int?)1600, (int?)900, "Boats in the harbour", "The regatta"));
        var (unknown, _) = await editor.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?> { ["Input.Image"] = "../../etc/passwd" });
        ((int)unknown.StatusCode).ShouldBe(422);
    }

    [Fact]
    public async Task The_live_preview_renders_through_the_public_pipeline_and_drops_scripts()
    {
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var (_, page) = await author.GetPageAsync(DeskSession.New);
        var values = DeskSession.FormValues(page);
        var markdown = "## Council vote\n\nA **close** call. <script>alert('x')</script><img src=x onerror=alert(1)>";
        values["Input.Body"] = markdown;
        var (response, preview) = await author.PostAsync("/newsroom/articles/preview", values, htmx: true);
        ((int)response.StatusCode).ShouldBe(200);
        var body = preview.QuerySelector(".story-body")!;
        body.InnerHtml.ShouldBe(ArticleBody.ToSafeHtml(markdown));
        body.QuerySelector("h2")!.TextContent.ShouldBe("Council vote");
        body.QuerySelector("script").ShouldBeNull();
        body.InnerHtml.ShouldNotContain("onerror");

        values.Remove("__RequestVerificationToken");
        ((int)(await author.PostAsync("/newsroom/articles/preview", values, htmx: true)).Response.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task Autosave_creates_the_draft_keeps_one_autosave_revision_and_never_touches_a_live_story()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var (_, page) = await author.GetPageAsync(DeskSession.New);
        var form = page.QuerySelector("form.editor-form")!;
        form.GetAttribute("hx-post").ShouldBe("/newsroom/articles/0/autosave");
        form.HasAttribute("data-unsaved-warning").ShouldBeTrue();
        var values = DeskSession.FormValues(page);
        values["Input.Title"] = Title("Autosaved story");
        values["Input.CategoryId"] = section.Id.ToString();
        values["Input.Body"] = "First words.";

        var (first, firstFragment) = await author.PostAsync("/newsroom/articles/0/autosave", values, htmx: true);
        ((int)first.StatusCode).ShouldBe(200);
        firstFragment.Body!.TextContent.ShouldStartWith("Saved at ");
        var id = int.Parse(firstFragment.QuerySelector("#article-id")!.GetAttribute("value")!);
        (await app.StoredAsync(id)).BodyMarkdown.ShouldBe("First words.");

        values["Input.Id"] = id.ToString();
        values["Input.Body"] = "First words. More words.";
        ((int)(await author.PostAsync("/newsroom/articles/0/autosave", values, htmx: true)).Response.StatusCode).ShouldBe(200);
        (await app.StoredAsync(id)).BodyMarkdown.ShouldBe("First words. More words.");
        async Task<List<string>> Reasons() => await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Reason + ":" + r.BodyMarkdown).ToListAsync());
        (await Reasons()).ShouldBe(["autosave:First words. More words."]);

        // The Save button on the new-article page now updates the autosaved draft instead of making another.
        var (saved, _) = await author.PostAsync($"{DeskSession.New}?handler=Save", values);
        saved.Headers.Location!.OriginalString.ShouldBe($"/newsroom/articles/{id}/edit?done=save");
        values["Input.Body"] = "Edited after saving.";
        await author.PostAsync($"/newsroom/articles/{id}/autosave", values, htmx: true);
        (await Reasons()).ShouldBe(["autosave:First words. More words.", "save:First words. More words.", "autosave:Edited after saving."]);

        var live = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var (_, livePage) = await editor.GetPageAsync(DeskSession.Edit(live.Id));
        livePage.QuerySelector("form.editor-form")!.HasAttribute("hx-post").ShouldBeFalse();
        var liveValues = DeskSession.FormValues(livePage);
        liveValues["Input.Body"] = "Half-typed sentence";
        var (refused, _) = await editor.PostAsync($"/newsroom/articles/{live.Id}/autosave", liveValues, htmx: true);
        ((int)refused.StatusCode).ShouldBe(409);
        (await app.StoredAsync(live.Id)).BodyMarkdown.ShouldBe(live.BodyMarkdown);
    }

    [Fact]
    public async Task Tag_suggestions_complete_the_last_tag_typed()
    {
        var word = TestNewsroom.Word();
        await app.ArticleAsync(tags: [$"{word} Ferries", $"{word} Festival", "Unrelated"]);
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var (response, list) = await author.GetPageAsync($"/newsroom/tags/suggest?Input.Tags={Uri.EscapeDataString($"Harbour, {word} f")}", htmx: true);
        ((int)response.StatusCode).ShouldBe(200);
        list.QuerySelectorAll("#tag-suggestions option").Select(o => o.GetAttribute("value")).ShouldBe([$"Harbour, {word} Ferries", $"Harbour, {word} Festival"]);
    }

    [Fact]
    public async Task Readers_are_refused_every_editor_endpoint_signed_out_visitors_are_sent_to_sign_in_and_forms_need_their_token()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        using var visitor = app.Reader();
        var form = new Dictionary<string, string> { ["Input.Title"] = "Anything", ["Input.Body"] = "Text" };
        foreach (var path in new[] { "/newsroom/articles", DeskSession.New, DeskSession.Edit(article.Id), $"/newsroom/articles/{article.Id}/revisions", "/newsroom/tags/suggest?q=a" })
        {
            ((int)(await reader.GetPageAsync(path)).Response.StatusCode).ShouldBe(403, path);
            var (away, _) = await visitor.GetPageAsync(path);
            ((int)away.StatusCode).ShouldBe(302, path);
            away.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
        }
        foreach (var path in new[] { $"{DeskSession.Edit(article.Id)}?handler=Save", $"{DeskSession.Edit(article.Id)}?handler=Unpublish", "/newsroom/articles/preview", $"/newsroom/articles/{article.Id}/autosave" })
            ((int)(await reader.PostAsync(path, form)).Response.StatusCode).ShouldBeOneOf([400, 403], path);
        (await app.StoredAsync(article.Id)).Status.ShouldBe(ArticleStatus.Published);

        // An editor's own POST without the form's antiforgery token is refused too.
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var values = DeskSession.FormValues((await editor.GetPageAsync(DeskSession.Edit(article.Id))).Page);
        values.Remove("__RequestVerificationToken");
        ((int)(await editor.PostAsync($"{DeskSession.Edit(article.Id)}?handler=Unpublish", values)).Response.StatusCode).ShouldBe(400);
        ((int)(await editor.PostAsync($"/newsroom/articles/{article.Id}/autosave", values)).Response.StatusCode).ShouldBe(400);
        (await app.StoredAsync(article.Id)).Status.ShouldBe(ArticleStatus.Published);
    }

    [Fact]
    public async Task SEO_overrides_replace_the_headline_and_standfirst_in_the_public_page_head()
    {
        var article = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        using var anonymous = app.Reader();
        (await anonymous.GetPageAsync($"/articles/{article.Slug}")).Page.Title.ShouldStartWith(article.Title);

        var (saved, _) = await editor.ActAsync(DeskSession.Edit(article.Id), "Save", new Dictionary<string, string?>
        {
            ["Input.SeoTitle"] = "Ferry times change from Monday", ["Input.SeoDescription"] = "What changes for commuters, sailing by sailing.",
        });
        ((int)saved.StatusCode).ShouldBe(302);
        var (_, page) = await anonymous.GetPageAsync($"/articles/{article.Slug}");
        page.Title.ShouldStartWith("Ferry times change from Monday | ");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldBe("What changes for commuters, sailing by sailing.");
        page.QuerySelector("meta[property='og:title']")!.GetAttribute("content").ShouldBe("Ferry times change from Monday");
        page.QuerySelector("#story-title")!.TextContent.ShouldBe(article.Title); // the headline on the page stays the newsroom's

        var (tooLong, tooLongPage) = await editor.ActAsync(DeskSession.Edit(article.Id), "Save", new Dictionary<string, string?> { ["Input.SeoTitle"] = new string('x', 71) });
        ((int)tooLong.StatusCode).ShouldBe(422);
        tooLongPage.Problems().ShouldContain("70 characters");
    }
}
