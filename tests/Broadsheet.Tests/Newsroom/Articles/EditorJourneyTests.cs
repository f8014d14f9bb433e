using Broadsheet.Tests.Fixtures;
using Microsoft.Playwright;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>An editor writes a story, watches the live preview follow the typing, publishes it and reads it as readers do.</summary>
[Trait("Category", "Browser")]
public sealed class EditorJourneyTests(BroadsheetApp app, ChromiumBrowser browser) : IClassFixture<BroadsheetApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_editor_writes_sees_the_live_preview_publishes_and_reads_the_story()
    {
        var section = await app.CategoryAsync();
        var editor = await app.UserAsync(role: Roles.Editor, name: "Demelza Rowe");
        var title = $"Lifeboat launch {Guid.NewGuid():N}"[..24];

        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fnewsroom%2Farticles%2Fnew");
        await page.Locator("input[name='Input.Email']").FillAsync(editor.Email!);
        await page.Locator("input[name='Input.Password']").FillAsync(TestReaders.Password);
        await page.Locator(".account-page button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/newsroom/articles/new");

        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(section.Id.ToString());
        await page.Locator("#standfirst").FillAsync("The new boat took to the water at dawn.");
        await page.Locator("#body").FillAsync("## At the slipway\n\nThe crew cheered *loudly*.<script>alert('x')</script>");
        var heading = page.Locator("#live-preview .story-body h2");
        await heading.WaitForAsync();
        (await heading.InnerTextAsync()).ShouldBe("At the slipway");
        (await page.Locator("#live-preview .story-body em").InnerTextAsync()).ShouldBe("loudly");
        (await page.Locator("#live-preview script").CountAsync()).ShouldBe(0);
        // The whole story follows the typing, not only the body.
        await Assertions.Expect(page.Locator("#live-preview .story-headline")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#live-preview .standfirst")).ToHaveTextAsync("The new boat took to the water at dawn.");
        await Assertions.Expect(page.Locator("#live-preview .kicker")).ToHaveTextAsync(section.Name);
        await page.Locator("#standfirst").FillAsync("Crowds lined the harbour wall.");
        await Assertions.Expect(page.Locator("#live-preview .standfirst")).ToHaveTextAsync("Crowds lined the harbour wall.");
        // Wide screens: beside the form, level with its top. Phones: under it.
        var form = (await page.Locator("form.editor-form").BoundingBoxAsync())!;
        var preview = (await page.Locator(".live-preview").BoundingBoxAsync())!;
        preview.X.ShouldBeGreaterThanOrEqualTo(form.X + form.Width, "the preview stands beside the form at 1280 px");
        preview.Y.ShouldBeLessThan(form.Y + form.Height / 2);
        await ChromiumBrowser.ScreenshotAsync(page, "editor-1-preview");
        await page.SetViewportSizeAsync(390, 844);
        form = (await page.Locator("form.editor-form").BoundingBoxAsync())!;
        preview = (await page.Locator(".live-preview").BoundingBoxAsync())!;
        preview.Y.ShouldBeGreaterThanOrEqualTo(form.Y + form.Height, "the preview follows the form on a phone");
        await ChromiumBrowser.ScreenshotAsync(page, "editor-1-preview-phone");
        await page.SetViewportSizeAsync(1280, 900);

        await page.Locator("button", new() { HasTextString = "Publish now" }).ClickAsync();
        await page.Locator(".form-notice", new() { HasTextString = "Published" }).WaitForAsync();
        await page.Locator("a", new() { HasTextString = "View live" }).ClickAsync();
        await page.Locator("#story-title").WaitForAsync();
        (await page.Locator("#story-title").InnerTextAsync()).ShouldBe(title);
        (await page.Locator(".story-body em").InnerTextAsync()).ShouldBe("loudly");
        await ChromiumBrowser.ScreenshotAsync(page, "editor-2-published");
        errors.ShouldBeEmpty();
    }
}
