using Broadsheet.Follows;
using Broadsheet.Tests.Demo;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>A newcomer's first visit: sign up in the dialog, confirm from the mail, sign in from a story, follow, read, sign out.</summary>
[Trait("Category", "Browser")]
public sealed class AccountJourneyTests(DemoApp app, ChromiumBrowser browser) : IClassFixture<DemoApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_reader_signs_up_confirms_signs_in_from_a_story_follows_its_author_and_signs_out()
    {
        var (page, errors) = await browser.OpenAsync(app.Address);
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";
        const string password = "lanterns over the harbour";

        await page.GotoAsync("/latest");
        var storyPath = await page.Locator(".feed .card-title a").First.GetAttributeAsync("href");
        await page.GotoAsync(storyPath!);
        var author = await page.Locator(".byline a").InnerTextAsync();

        // Sign up in the dialog: it opens with focus inside, keeps Tab inside, and Esc closes it.
        var dialog = page.Locator("#account-dialog");
        await page.Locator("header a", new() { HasTextString = "Sign up" }).ClickAsync();
        await dialog.Locator("input[name='Input.Email']").WaitForAsync();
        (await dialog.EvaluateAsync<bool>("d => d.open && d.contains(document.activeElement)")).ShouldBeTrue();
        for (var i = 0; i < 12; i++) await page.Keyboard.PressAsync("Tab");
        (await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)")).ShouldBeTrue();
        await page.Keyboard.PressAsync("Escape");
        (await dialog.EvaluateAsync<bool>("d => d.open")).ShouldBeFalse();

        await page.Locator("header a", new() { HasTextString = "Sign up" }).ClickAsync();
        await dialog.Locator("input[name='Input.Email']").FillAsync(email);
        await dialog.Locator("input[name='Input.DisplayName']").FillAsync("Nia Harbour");
        await dialog.Locator("input[name='Input.Password']").FillAsync("password123"); // long enough for the browser, too common for us
        await dialog.Locator("button[type=submit]").ClickAsync();
        await dialog.Locator(".form-errors li", new() { HasTextString = "common" }).WaitForAsync(); // inline, the dialog stays open
        (await dialog.EvaluateAsync<bool>("d => d.open")).ShouldBeTrue();
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-1-sign-up-error");

        await dialog.Locator("input[name='Input.Password']").FillAsync(password);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await dialog.Locator(".form-notice").WaitForAsync();
        (await dialog.Locator(".form-notice").InnerTextAsync()).ShouldContain("Check your inbox");
        page.Url.ShouldEndWith(storyPath!);
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-2-check-inbox");

        // The confirmation mail, read from the mail folder, as a newcomer without SMTP would.
        var link = Mailbox.LinkIn(app.Mailbox.Latest(email));
        await page.GotoAsync(link.ToString());
        await page.Locator("button", new() { HasTextString = "Confirm my email" }).ClickAsync();
        // Confirming signs the reader in and brings them back to the story they signed up from.
        await page.Locator("header .account-name").WaitForAsync();
        page.Url.ShouldEndWith(storyPath!);
        await page.Locator("header button", new() { HasTextString = "Sign out" }).ClickAsync();
        await page.Locator("header a", new() { HasTextString = "Sign in" }).WaitForAsync();

        // Back on the story, Follow while signed out: sign in first, then the follow completes.
        await page.GotoAsync(storyPath!);
        await page.Locator(".story-follows .follow").First.Locator("a").ClickAsync();
        await dialog.Locator("input[name='Input.Email']").FillAsync(email);
        await dialog.Locator("input[name='Input.Password']").FillAsync(password);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await page.Locator("header .account-name").WaitForAsync();
        page.Url.ShouldEndWith(storyPath!);
        (await page.Locator("header .account-name").InnerTextAsync()).ShouldBe("Nia Harbour");
        var authorButton = page.Locator(".story-follows .follow").First.Locator("button");
        (await authorButton.GetAttributeAsync("aria-pressed")).ShouldBe("true");
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-3-signed-in-following");

        // Signed in, the section's Follow updates in place.
        var sectionButton = page.Locator(".story-follows .follow").Nth(1).Locator("button");
        await sectionButton.ClickAsync();
        await page.Locator(".story-follows .follow").Nth(1).Locator("button[aria-pressed=true]").WaitForAsync();
        page.Url.ShouldEndWith(storyPath!);

        var follows = await app.WithDbAsync(db => db.Follows.CountAsync(f => db.Users.Any(u => u.Id == f.UserId && u.Email == email)));
        follows.ShouldBe(2);

        // The author's stories gather on /following.
        await page.GotoAsync("/following");
        (await page.Locator(".feed .card").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator($".feed a[href='{storyPath}']").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator(".list-description").InnerTextAsync()).ShouldContain(author);
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-4-following");

        await page.Locator("header button", new() { HasTextString = "Sign out" }).ClickAsync();
        await page.Locator("header a", new() { HasTextString = "Sign in" }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "__Host-broadsheet");

        // The refused common password was a 422 by design; Chromium logs any 4xx fetch as a console error.
        errors.Where(e => !e.Contains("status of 422")).ShouldBeEmpty();
        errors.Count(e => e.Contains("status of 422")).ShouldBe(1);
    }
}
