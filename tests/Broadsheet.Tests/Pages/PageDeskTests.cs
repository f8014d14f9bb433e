using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Pages;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Pages;

/// <summary>Editors and admins write static pages at /newsroom/pages; readers read them at /pages/{slug}.</summary>
[Trait("Category", "Integration")]
public sealed class PageDeskTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string New = "/newsroom/pages/new";

    private static string Title(string stem) => $"{stem} {Guid.NewGuid():N}"[..(stem.Length + 9)];

    private static async Task<int> CreateAsync(ReaderSession editor, string title, string body, string handler = "Save", Dictionary<string, string?>? more = null)
    {
        var fields = new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.Body"] = body };
        foreach (var (k, v) in more ?? []) fields[k] = v;
        var (response, page) = await editor.ActAsync(New, handler, fields);
        ((int)response.StatusCode).ShouldBe(302, page.QuerySelector(".form-errors")?.TextContent);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    private Task<Page?> StoredAsync(int id) => app.WithDbAsync(db => db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id));

    private Task<List<string>> AuditAsync(int id) => app.WithDbAsync(db =>
        db.AuditLog.Where(e => e.TargetKind == "page" && e.TargetId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task An_editor_writes_publishes_unpublishes_and_deletes_a_page_and_each_step_is_audited()
    {
        var (editor, user) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var title = Title("About the paper");

        var id = await CreateAsync(editor, title, "We are **independent**.<script>alert(1)</script>",
            more: new Dictionary<string, string?> { ["Input.Description"] = "Who we are and how we work." });
        var draft = (await StoredAsync(id))!;
        (draft.Status, draft.AuthorUserId, draft.AllowComments, draft.AllowVotes).ShouldBe((PageStatus.Draft, (int?)user.Id, false, false));
        draft.BodyHtml.ShouldContain("<strong>independent</strong>");
        draft.BodyHtml.ShouldNotContain("<script");
        ((int)(await app.GetPageAsync($"/pages/{draft.Slug}")).Response.StatusCode).ShouldBe(404, "a draft is not public");

        (await editor.ActAsync($"/newsroom/pages/{id}/edit", "Publish")).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var (live, page) = await app.GetPageAsync($"/pages/{draft.Slug}");
        ((int)live.StatusCode).ShouldBe(200);
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.QuerySelector(".story-body strong")!.TextContent.ShouldBe("independent");
        page.Title.ShouldStartWith(title);
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!.ShouldEndWith($"/pages/{draft.Slug}");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldBe("Who we are and how we work.");
        // Not news: no votes, views, comments or share buttons unless a page turns them on.
        page.QuerySelector(".counters, .vote, .views, #comments, .comments, form[action*='comments']").ShouldBeNull();

        (await editor.ActAsync($"/newsroom/pages/{id}/edit", "Unpublish")).Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await StoredAsync(id))!.Status.ShouldBe(PageStatus.Draft);
        ((int)(await app.GetPageAsync($"/pages/{draft.Slug}")).Response.StatusCode).ShouldBe(404, "evicted from the cache on save");

        var (deleted, _d) = await editor.PressAsync($"/newsroom/pages/{id}/edit", $"/newsroom/pages/{id}/edit?handler=Delete");
        ((int)deleted.StatusCode).ShouldBe(302);
        (await StoredAsync(id)).ShouldBeNull();
        (await AuditAsync(id)).ShouldBe(["page.create", "page.publish", "page.unpublish", "page.delete"]);
    }

    [Fact]
    public async Task Saving_a_published_page_shows_the_change_at_once_and_a_new_slug_redirects_from_the_old()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _e = editor;
        var id = await CreateAsync(editor, Title("Contact us"), "Call the newsdesk.", "Publish");
        var slug = (await StoredAsync(id))!.Slug;
        (await app.GetPageAsync($"/pages/{slug}")).Page.QuerySelector(".story-body")!.TextContent.ShouldContain("Call the newsdesk.");

        var renamed = slug + "-desk";
        (await editor.ActAsync($"/newsroom/pages/{id}/edit", "Save", new Dictionary<string, string?> { ["Input.Body"] = "Email the newsdesk.", ["Input.Slug"] = renamed }))
            .Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        // The cache lives 60 s in tests: only the save's eviction can make this read current.
        (await app.GetPageAsync($"/pages/{renamed}")).Page.QuerySelector(".story-body")!.TextContent.ShouldContain("Email the newsdesk.");
        using var client = app.Client();
        var old = await client.GetAsync($"/pages/{slug}");
        ((int)old.StatusCode).ShouldBe(301);
        old.Headers.Location!.OriginalString.ShouldBe($"/pages/{renamed}");
    }

    [Theory]
    [InlineData("Bad Slug!", "lower-case letters")]
    [InlineData("", "title")]
    public async Task A_bad_form_is_a_422_that_says_what_to_fix_and_stores_nothing(string slugOrEmpty, string message)
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var title = slugOrEmpty.Length == 0 ? "" : Title("Privacy");
        var (response, page) = await editor.ActAsync(New, "Save", new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.Slug"] = slugOrEmpty, ["Input.Body"] = "x" });
        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain(message);
        if (title.Length > 0) (await app.WithDbAsync(db => db.Pages.CountAsync(p => p.Title == title))).ShouldBe(0);
    }

    [Fact]
    public async Task A_slug_another_page_has_is_refused_with_a_422()
    {
        var taken = await app.PageAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var (response, page) = await editor.ActAsync(New, "Save", new Dictionary<string, string?> { ["Input.Title"] = Title("Privacy"), ["Input.Slug"] = taken.Slug, ["Input.Body"] = "x" });
        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain($"/pages/{taken.Slug} is taken");
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Reader)]
    public async Task Authors_and_readers_are_refused_the_pages_desk(string role)
    {
        var existing = await app.PageAsync();
        var (someone, _) = await app.SignedInReaderAsync(role);
        using var _s = someone;
        foreach (var path in new[] { "/newsroom/pages", New, $"/newsroom/pages/{existing.Id}/edit" })
            ((int)(await someone.GetPageAsync(path)).Response.StatusCode).ShouldBe(403, path);
        var (posted, _) = await someone.PostAsync($"/newsroom/pages/{existing.Id}/edit?handler=Delete", new Dictionary<string, string>());
        ((int)posted.StatusCode).ShouldBeOneOf(400, 403);
        (await StoredAsync(existing.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_desk_lists_every_page_with_its_status_and_the_editor_uses_the_article_preview()
    {
        var live = await app.PageAsync();
        var draft = await app.PageAsync(p => p.Status = PageStatus.Draft);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var (_, list) = await editor.GetPageAsync("/newsroom/pages");
        list.QuerySelector($"#page-{live.Id} .status")!.TextContent.ShouldBe("Published");
        list.QuerySelector($"#page-{draft.Id} .status")!.TextContent.ShouldBe("Draft");
        var (_, edit) = await editor.GetPageAsync($"/newsroom/pages/{live.Id}/edit");
        edit.QuerySelector("#body")!.GetAttribute("data-hx-post").ShouldBe("/newsroom/articles/preview");
    }

    [Fact]
    public async Task The_preview_button_shows_the_page_as_typed_without_javascript_and_saves_nothing()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var title = Title("Contact us");
        var id = await CreateAsync(editor, title, "The old address.");

        var (response, page) = await editor.ActAsync($"/newsroom/pages/{id}/edit", "Preview", new Dictionary<string, string?> { ["Input.Title"] = "Write to the desk", ["Input.Body"] = "The *new* address." });

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector("#live-preview .story-headline")!.TextContent.Trim().ShouldBe("Write to the desk");
        page.QuerySelector("#live-preview .story-body em")!.TextContent.ShouldBe("new");
        var stored = (await StoredAsync(id))!;
        (stored.Title, stored.BodyMarkdown).ShouldBe((title, "The old address."));
    }
}
