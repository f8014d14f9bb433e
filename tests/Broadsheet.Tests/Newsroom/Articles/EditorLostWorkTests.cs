using Broadsheet.Newsroom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>
/// Nothing an author writes is lost on the way to a picture or off the page: "Upload a picture"
/// comes back to the same draft with the picture chosen, and the "Leave site?" prompt comes only
/// when something is not stored.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EditorLostWorkTests(MediaApp app, ChromiumBrowser browser) : IClassFixture<MediaApp>, IClassFixture<ChromiumBrowser>
{
    private async Task<IPage> SignedInAsync(string role, string to, List<string> dialogs)
    {
        var user = await app.UserAsync(role: role);
        var (page, _) = await browser.OpenAsync(app.Address);
        page.Dialog += (_, d) => { dialogs.Add(d.Type); _ = d.AcceptAsync(); };
        await page.GotoAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(to)}");
        await page.Locator("input[name='Input.Email']").FillAsync(user.Email!);
        await page.Locator("input[name='Input.Password']").FillAsync(TestReaders.Password);
        await page.Locator(".account-page button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{to}");
        return page;
    }

    [Fact]
    public async Task Uploading_from_a_new_story_comes_back_to_its_autosaved_draft_with_the_picture_and_its_alt_text()
    {
        var section = await app.CategoryAsync();
        var dialogs = new List<string>();
        var page = await SignedInAsync(Roles.Author, "/newsroom/articles/new", dialogs);
        var title = $"Harbour wall {Guid.NewGuid():N}"[..21];
        const string alt = "The harbour wall at low tide, seen from the slipway";

        await page.Locator("#category").SelectOptionAsync(section.Id.ToString());
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#autosave-status", new() { HasTextString = "Saved at" }).WaitForAsync();
        var id = int.Parse(await page.Locator("#article-id").InputValueAsync());

        await page.Locator("button", new() { HasTextString = "Upload a picture" }).ClickAsync();
        await page.WaitForURLAsync($"**/newsroom/media?article={id}");
        await page.Locator("#media-file").SetInputFilesAsync(new FilePayload { Name = "wall.jpg", MimeType = "image/jpeg", Buffer = TestPicture.Jpeg(640, 400) });
        await page.Locator("#media-alt").FillAsync(alt);
        await page.Locator("form.media-upload button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/newsroom/articles/{id}/edit?done=picture");

        var image = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());
        image.Alt.ShouldBe(alt);
        (await page.Locator("#title").InputValueAsync()).ShouldBe(title);
        (await page.Locator("input[name='Input.Image']:checked").InputValueAsync()).ShouldBe(image.FileName);
        (await page.Locator("#image-alt").InputValueAsync()).ShouldBe(alt);
        await ChromiumBrowser.ScreenshotAsync(page, "editor-3-picture-uploaded");

        var stored = await app.StoredAsync(id);
        (stored.Title, stored.Status, stored.ImagePath, stored.ImageAlt).ShouldBe((title, ArticleStatus.Draft, image.FileName, alt));
        (await app.WithDbAsync(db => db.Articles.CountAsync(a => a.AuthorId == stored.AuthorId))).ShouldBe(1);
        dialogs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_javascript_the_upload_button_saves_the_new_story_uploads_for_it_and_returns_to_it()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _a = author;
        var title = $"Lighthouse keepers {Guid.NewGuid():N}"[..27];

        var (saved, form) = await author.ActAsync(DeskSession.New, "Upload",
            new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.CategoryId"] = section.Id.ToString() });
        ((int)saved.StatusCode).ShouldBe(302, form.QuerySelector(".form-errors")?.TextContent);
        var library = saved.Headers.Location!.OriginalString;
        library.ShouldStartWith("/newsroom/media?article=");
        var id = int.Parse(library["/newsroom/media?article=".Length..]);
        (await app.StoredAsync(id)).Title.ShouldBe(title);

        var (uploaded, _) = await app.UploadAsync(author, "lamp.jpg", TestPicture.Jpeg(320, 200), "The lamp room at dusk", action: library);
        ((int)uploaded.StatusCode).ShouldBe(302);
        uploaded.Headers.Location!.OriginalString.ShouldBe($"/newsroom/articles/{id}/edit?done=picture");

        var stored = await app.StoredAsync(id);
        var image = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());
        (stored.Title, stored.ImagePath, stored.ImageAlt).ShouldBe((title, image.FileName, "The lamp room at dusk"));
        var (_, editor) = await author.GetPageAsync(DeskSession.Edit(id));
        editor.QuerySelector("input[name='Input.Image'][checked]")!.GetAttribute("value").ShouldBe(image.FileName);
        editor.QuerySelector("#image-alt")!.GetAttribute("value").ShouldBe("The lamp room at dusk");
    }

    [Fact]
    public async Task The_editor_asks_before_leaving_unsaved_changes_and_not_after_a_save_or_an_autosave()
    {
        var story = await app.ArticleAsync();
        var dialogs = new List<string>();
        var edit = $"/newsroom/articles/{story.Id}/edit";
        var page = await SignedInAsync(Roles.Editor, edit, dialogs);

        // A live story does not autosave: a change stays unsaved, and leaving asks first.
        await page.Locator("#standfirst").ClickAsync();
        await page.Locator("#standfirst").FillAsync("Changed, not saved.");
        await page.Locator(".breadcrumbs a", new() { HasTextString = "Articles" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom/articles");
        dialogs.ShouldBe(["beforeunload"]);

        // Saved: leaving is quiet.
        dialogs.Clear();
        await page.GotoAsync(edit);
        await page.Locator("#standfirst").ClickAsync();
        await page.Locator("#standfirst").FillAsync("Changed and saved.");
        await page.Locator("button", new() { HasTextString = "Save" }).First.ClickAsync();
        await page.Locator(".form-notice", new() { HasTextString = "Saved." }).WaitForAsync();
        await page.Locator("#standfirst").ClickAsync();
        await page.Locator(".breadcrumbs a", new() { HasTextString = "Articles" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom/articles");
        dialogs.ShouldBeEmpty();
        (await app.StoredAsync(story.Id)).Standfirst.ShouldBe("Changed and saved.");

        // A draft that autosaved everything typed: leaving is quiet too, though the field loses focus (a "change" event) on the way.
        await page.GotoAsync("/newsroom/articles/new");
        await page.Locator("#category").SelectOptionAsync(story.CategoryId.ToString());
        await page.Locator("#title").ClickAsync();
        await page.Locator("#title").FillAsync($"Quay lights {Guid.NewGuid():N}"[..20]);
        await page.Locator("#autosave-status", new() { HasTextString = "Saved at" }).WaitForAsync();
        await page.Locator(".breadcrumbs a", new() { HasTextString = "Articles" }).ClickAsync();
        await page.WaitForURLAsync("**/newsroom/articles");
        dialogs.ShouldBeEmpty();
    }
}
