using Broadsheet.Newsroom;
using Broadsheet.Articles;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

[Trait("Category", "Integration")]
public sealed class RevisionAndPreviewTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private Task<List<long>> RevisionIdsAsync(int id) =>
        app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

    [Fact]
    public async Task Two_revisions_compare_line_by_line_with_changed_fields_and_an_old_one_restores_as_a_new_save()
    {
        var section = await app.CategoryAsync();
        var other = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var title = $"Park benches {Guid.NewGuid():N}"[..21];
        var id = await author.WriteAsync(section, title, "Line one.\nLine two.\nLine three.", new Dictionary<string, string?> { ["Input.Tags"] = "Parks" });
        await author.ActAsync(DeskSession.Edit(id), "Save", new Dictionary<string, string?>
        {
            ["Input.Body"] = "Line one.\nLine 2, rewritten.\nLine three.", ["Input.CategoryId"] = other.Id.ToString(),
            ["Input.Tags"] = "Parks, Benches", ["Input.CommentsClosed"] = "true",
        });
        var revisions = await RevisionIdsAsync(id);
        revisions.Count.ShouldBe(2);

        var (response, page) = await author.GetPageAsync($"/newsroom/articles/{id}/revisions?from={revisions[0]}&to={revisions[1]}");
        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelectorAll(".diff[data-part=body] span").Select(s => s.TextContent.TrimEnd('\n'))
            .ShouldBe(["  Line one.", "- Line two.", "+ Line 2, rewritten.", "  Line three."]);
        page.QuerySelector(".diff[data-part=title]").ShouldBeNull(); // unchanged parts are not shown
        var fields = page.QuerySelectorAll(".field-changes tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent))).ToList();
        fields.ShouldBe([$"Section | {section.Name} | {other.Name}", "Tags | Parks | Benches, Parks", "Comments | open | closed"]);
        ((int)(await author.GetPageAsync($"/newsroom/articles/{id}/revisions?from={revisions[0]}&to=999999999")).Response.StatusCode).ShouldBe(404);

        var (restored, _) = await author.PressAsync($"/newsroom/articles/{id}/revisions", $"/newsroom/articles/{id}/revisions?handler=Restore&revision={revisions[0]}");
        ((int)restored.StatusCode).ShouldBe(302);
        var stored = await app.StoredAsync(id);
        (stored.BodyMarkdown, stored.CategoryId, stored.CommentsClosed).ShouldBe(("Line one.\nLine two.\nLine three.", section.Id, false));
        stored.Tags.Select(t => t.Name).ShouldBe(["Parks"]);
        (await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Reason).ToListAsync())).ShouldBe(["save", "save", "restore"]);
    }

    [Fact]
    public async Task A_secret_preview_link_shows_the_draft_uncached_unindexed_and_uncounted_until_it_is_revoked_or_expires()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var title = $"Secret plans {Guid.NewGuid():N}"[..21];
        var id = await author.WriteAsync(section, title, "Not for *everyone* yet.");

        var link = await author.PreviewLinkAsync(id);
        var token = link["/preview/".Length..];
        (await app.WithDbAsync(db => db.PreviewLinks.SingleAsync(l => l.ArticleId == id))).TokenHash.ShouldBe(PreviewLinks.Hash(token));
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length.ShouldBe(32);

        using var stranger = app.Reader();
        stranger.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        var (shown, preview) = await stranger.GetPageAsync(link);
        ((int)shown.StatusCode).ShouldBe(200);
        preview.QuerySelector("article.story #story-title")!.TextContent.ShouldBe(title);
        preview.QuerySelector(".story-body em")!.TextContent.ShouldBe("everyone");
        preview.QuerySelector("meta[name=robots]")!.GetAttribute("content").ShouldStartWith("noindex");
        shown.Headers.CacheControl!.NoStore.ShouldBeTrue();
        ((int)(await stranger.GetPageAsync($"/preview/{token[..^2]}xx")).Response.StatusCode).ShouldBe(404);

        // Not a view: once published, the first real view is the only one counted.
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        await editor.ActAsync(DeskSession.Edit(id), "Publish");
        ((int)(await stranger.GetPageAsync(link)).Response.StatusCode).ShouldBe(200);
        using var reader = app.Reader();
        reader.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0) Chrome/140.0");
        ((int)(await reader.GetPageAsync($"/articles/{(await app.StoredAsync(id)).Slug}")).Response.StatusCode).ShouldBe(200);
        var views = await DeskSession.SettledAsync(async () => (await app.StoredAsync(id)).ViewCount, v => v > 0);
        views.ShouldBe(1);

        var (revoked, _) = await editor.PressAsync(DeskSession.Edit(id), $"/newsroom/articles/{id}/edit?handler=RevokeLink");
        ((int)revoked.StatusCode).ShouldBe(302);
        ((int)(await stranger.GetPageAsync(link)).Response.StatusCode).ShouldBe(404);

        var second = await editor.PreviewLinkAsync(id);
        ((int)(await stranger.GetPageAsync(second)).Response.StatusCode).ShouldBe(200);
        await app.WithDbAsync(db => db.PreviewLinks.Where(l => l.ArticleId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        ((int)(await stranger.GetPageAsync(second)).Response.StatusCode).ShouldBe(404);
    }
}
