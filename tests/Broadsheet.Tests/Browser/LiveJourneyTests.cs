using Broadsheet.Data.Identity;
using Broadsheet.Live;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Broadsheet.Tests.Browser;

/// <summary>
/// A reader leaves a live story open while an editor works the desk (issue 23): entries arrive,
/// the "N new updates" bar shows once the reader has scrolled down, an edit replaces and a delete
/// removes an entry, and a pin or a key event moves it to the pinned slot or the timeline, all
/// without a reload.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LiveJourneyTests(BroadsheetApp app, ChromiumBrowser browser) : IClassFixture<BroadsheetApp>, IClassFixture<ChromiumBrowser>
{
    private static EntryInput Text(string body, bool key = false, bool pinned = false) => new(body, null, null, null, null, key, pinned);

    [Fact]
    public async Task A_reader_s_open_page_receives_new_edited_deleted_pinned_and_key_entries_without_a_reload()
    {
        var (_, editor) = await app.SignedInReaderAsync(Roles.Editor);
        var story = await app.ArticleAsync();
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<LiveDesk>();
        (await desk.StartAsync(story.Id, editor.Id, default)).ShouldBeTrue();
        // Enough entries that the page scrolls well past the top of the updates.
        var earlier = new List<LiveEntry>();
        for (var i = 0; i < 10; i++)
            earlier.Add((await desk.AddAsync(story.Id, Text($"Earlier update {i}.\n\n{string.Join(' ', Enumerable.Repeat("The harbour wall held through the night.", 8))}"), editor.Id, "Desk", default))!);

        var (page, errors) = await browser.OpenAsync(app.Address);
        await page.GotoAsync($"/articles/{story.Slug}");
        await page.Locator("section.live[data-live-connected=true]").WaitForAsync();
        await page.EvaluateAsync("() => window.__marker = 1");

        // At the top of the page: a new entry goes first in the list, and no bar is needed.
        var first = (await desk.AddAsync(story.Id, Text("Ferries resume at noon"), editor.Id, "Desk", default))!;
        await page.Locator($".live-entries > #entry-{first.Id}:first-child").WaitForAsync();
        (await page.Locator("[data-live-new]").IsHiddenAsync()).ShouldBeTrue();

        // Scrolled down: two more entries are announced by the bar, not pushed into view.
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        var second = (await desk.AddAsync(story.Id, Text("The coast road reopens"), editor.Id, "Desk", default))!;
        var third = (await desk.AddAsync(story.Id, Text("Schools open as normal tomorrow"), editor.Id, "Desk", default))!;
        await page.Locator($".live-entries > #entry-{third.Id}:first-child").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-live-new] a", new() { HasText = "2 new updates" }).WaitForAsync();
        (await page.Locator("[data-live-status]").TextContentAsync()).ShouldBe("2 new updates");
        await ChromiumBrowser.ScreenshotAsync(page, "live-1-new-updates-bar");

        // An edit replaces the entry in place; a deletion removes it.
        await desk.EditAsync(second.Id, Text("The coast road reopens, one lane only"), editor.Id, default);
        await page.Locator($"#entry-{second.Id}", new() { HasText = "one lane only" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await desk.DeleteAsync(third.Id, editor.Id, default);
        await page.Locator($"#entry-{third.Id}").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // A pin moves the entry to the pinned slot; pinning another sends the first back to the list.
        await desk.PinAsync(earlier[3].Id, true, editor.Id, default);
        await page.Locator($".live-pinned-box > #entry-{earlier[3].Id}").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await desk.PinAsync(first.Id, true, editor.Id, default);
        await page.Locator($".live-pinned-box > #entry-{first.Id}").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator($".live-entries > #entry-{earlier[3].Id}:not(.live-pinned)").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator($"#entry-{earlier[3].Id}").CountAsync()).ShouldBe(1);

        // Key events join the timeline at the top in time order, and leave it when unmarked.
        await desk.KeyEventAsync(second.Id, true, editor.Id, default);
        await desk.KeyEventAsync(earlier[1].Id, true, editor.Id, default);
        await page.Locator($".live-timeline li[data-entry='{earlier[1].Id}'] + li[data-entry='{second.Id}'] a[href='#entry-{second.Id}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator($".live-timeline li[data-entry='{second.Id}']").TextContentAsync())!.ShouldContain("The coast road reopens, one lane only");
        await desk.KeyEventAsync(earlier[1].Id, false, editor.Id, default);
        await page.Locator($".live-timeline li[data-entry='{earlier[1].Id}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ChromiumBrowser.ScreenshotAsync(page, "live-2-pinned-and-key-events");

        (await page.EvaluateAsync<int>("() => window.__marker")).ShouldBe(1, "no reload");
        errors.ShouldBeEmpty();
    }
}
