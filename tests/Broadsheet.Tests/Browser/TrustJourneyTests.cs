using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Newsroom;
using Broadsheet.Shared;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// Issue 24 in Chromium, as an editor works it: a co-author and a guest on the byline page, a
/// correction appended, a substantive update with a note, a credit on the library picture; the
/// reader's page then shows all four, and the database holds them.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TrustJourneyTests(BroadsheetApp app, ChromiumBrowser browser) : IClassFixture<BroadsheetApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_editor_adds_bylines_a_correction_an_update_and_a_credit_and_the_reader_page_shows_them()
    {
        var author = await app.AuthorAsync();
        var coAuthor = await app.AuthorAsync();
        var picture = await app.WithDbAsync(async db =>
        {
            var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 640, Height = 360,
                UploadedAt = DateTime.UtcNow, Alt = "Ferries at the quay at dawn" }).Entity;
            await db.SaveChangesAsync();
            return m;
        });
        Directory.CreateDirectory(app.MediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(app.MediaFolder, picture.FileName), TestPicture.Jpeg(640, 360));
        // Published a minute ago, so the update falls on the same day and shows as a clock time.
        var story = await app.ArticleAsync(a =>
        {
            (a.PublishedAt, a.UpdatedAt) = (DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(-1));
            (a.ImagePath, a.ImageAlt, a.ImageCaption, a.ImageWidth, a.ImageHeight) = (picture.FileName, picture.Alt, "Ferries wait at the quay", 640, 360);
        }, author: author);
        var editor = await app.UserAsync(role: Roles.Editor);
        const string guest = "Rosa Field", correction = "An earlier version gave the wrong sailing time.",
            note = "This story has been updated with the harbour master's statement.", credit = "Ana Lopes/Harbour Press";

        var (page, errors, dialogs) = await RefusalPages.SignedInAsync(browser, app.Address, editor.Email!, $"/newsroom/articles/{story.Id}/bylines");

        // The byline page: a co-author from the list, then a guest with no account.
        await page.Locator("#byline-author").SelectOptionAsync(new SelectOptionValue { Label = coAuthor.DisplayName });
        await page.Locator("form.byline-add button[type=submit]").ClickAsync();
        await page.Locator(".form-notice").WaitForAsync();
        await page.Locator("#guest-name").FillAsync(guest);
        await page.Locator("form.byline-guest button[type=submit]").ClickAsync();
        await page.Locator("#byline-preview", new() { HasTextString = guest }).WaitForAsync();
        (await page.Locator("#byline-preview").InnerTextAsync()).ShouldBe($"By {author.DisplayName}, {coAuthor.DisplayName} and {guest}");
        await ChromiumBrowser.ScreenshotAsync(page, "trust-1-byline-desk");

        // A correction at the top of the story.
        await page.GotoAsync($"/newsroom/articles/{story.Id}/corrections");
        await page.Locator("#kind-new").SelectOptionAsync("Correction");
        await page.Locator("#placement-new").SelectOptionAsync("Top");
        await page.Locator("#text-new").FillAsync(correction);
        await page.Locator("#new-correction button[type=submit]").ClickAsync();
        await page.Locator(".form-notice", new() { HasTextString = "Appended" }).WaitForAsync();

        // A substantive update with its note, from the editor.
        await page.GotoAsync($"/newsroom/articles/{story.Id}/edit");
        await page.Locator("input[name='Input.Substantive']").CheckAsync();
        await page.Locator("#update-note").FillAsync(note);
        await page.Locator(".editor-actions button", new() { HasTextString = "Save" }).First.ClickAsync();
        await page.Locator(".form-notice", new() { HasTextString = "substantive update" }).WaitForAsync();

        // The library picture's credit, which the story shows.
        await page.GotoAsync($"/newsroom/media/{picture.Id}/edit");
        await page.Locator("#picture-credit").FillAsync(credit);
        await page.Locator(".media-edit form button[type=submit]").ClickAsync();
        await page.Locator(".form-notice", new() { HasTextString = "Saved" }).WaitForAsync();

        // What the database holds.
        var row = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == story.Id)
            .Select(a => new { a.SubstantiveUpdateAt, a.UpdateNote, a.ImageCredit, a.PublishedAt }).SingleAsync());
        row.SubstantiveUpdateAt.ShouldNotBeNull();
        row.UpdateNote.ShouldBe(note);
        row.ImageCredit.ShouldBe(credit);
        (await app.WithDbAsync(db => db.ArticleBylines.Where(b => b.ArticleId == story.Id).OrderBy(b => b.Position)
            .Select(b => b.AuthorId == null ? b.GuestName : b.Author!.DisplayName).ToListAsync())).ShouldBe([coAuthor.DisplayName, guest]);
        (await app.WithDbAsync(db => db.Corrections.Where(c => c.ArticleId == story.Id).Select(c => c.Text).ToListAsync())).ShouldBe([correction]);

        // The reader's page, signed out.
        var (reader, readerErrors) = await browser.OpenAsync(app.Address);
        await reader.GotoAsync($"/articles/{story.Slug}");
        (await reader.Locator(".story-header .byline").InnerTextAsync()).ShouldBe($"By {author.DisplayName}, {coAuthor.DisplayName} and {guest}");
        var zone = app.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.Zone();
        (await reader.Locator(".updated").InnerTextAsync()).ShouldBe($"Updated {UpdateTime.Shown(row.SubstantiveUpdateAt.Value, row.PublishedAt!.Value, zone)}");
        (await reader.Locator(".update-note").InnerTextAsync()).ShouldBe(note);
        (await reader.Locator("aside.corrections .correction[data-kind=correction]").InnerTextAsync()).ShouldContain(correction);
        (await reader.Locator("figure.story-image figcaption").InnerTextAsync()).ShouldBe($"Ferries wait at the quay Photo: {credit}");
        await ChromiumBrowser.ScreenshotAsync(reader, "trust-2-reader-page");

        dialogs.ShouldBeEmpty();
        errors.ShouldBeEmpty();
        readerErrors.ShouldBeEmpty();
    }
}
