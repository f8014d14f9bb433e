using Broadsheet.Audit;
using Broadsheet.Newsroom;
using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>The editor form as a browser would send it: every field's current value, some changed, posted with one of its buttons.</summary>
public static class DeskSession
{
    public const string New = "/newsroom/articles/new";

    public static string Edit(int id) => $"/newsroom/articles/{id}/edit";

    /// <summary>The values the editor form would submit as it stands (checked boxes and radios only).</summary>
    public static Dictionary<string, string> FormValues(IDocument page)
    {
        var form = page.QuerySelector("form.editor-form") ?? throw new Xunit.Sdk.XunitException("No editor form on the page.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type") ?? "text";
            if (type is "radio" or "checkbox" && !input.HasAttribute("checked")) continue;
            values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }
        foreach (var area in form.QuerySelectorAll("textarea[name]")) values[area.GetAttribute("name")!] = area.TextContent;
        foreach (var select in form.QuerySelectorAll("select[name]"))
            values[select.GetAttribute("name")!] = (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";
        return values;
    }

    /// <summary>Opens <paramref name="path"/>, changes <paramref name="fields"/> (null removes one: an unticked box) and presses the <paramref name="handler"/> button.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> ActAsync(this ReaderSession session, string path, string handler,
        IDictionary<string, string?>? fields = null)
    {
        var (opened, page) = await session.GetPageAsync(path);
        ((int)opened.StatusCode).ShouldBe(200, $"GET {path}");
        var values = FormValues(page);
        foreach (var (k, v) in fields ?? new Dictionary<string, string?>())
            if (v is null) values.Remove(k); else values[k] = v;
        var action = page.QuerySelector("form.editor-form")!.GetAttribute("action")!;
        return await session.PostAsync($"{action}?handler={handler}", values);
    }

    /// <summary>Writes a new article through the form and returns its id (from the redirect to its edit page).</summary>
    public static async Task<int> WriteAsync(this ReaderSession session, Category category, string title, string body = "A first paragraph.", IDictionary<string, string?>? more = null)
    {
        var fields = new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.Body"] = body, ["Input.CategoryId"] = category.Id.ToString() };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) fields[k] = v;
        var (response, page) = await session.ActAsync(New, "Save", fields);
        ((int)response.StatusCode).ShouldBe(302, page.QuerySelector(".form-errors")?.TextContent);
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[3]);
    }

    /// <summary>Presses a one-button form (create link, revoke, restore): the first whose action starts with <paramref name="actionPrefix"/>.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PressAsync(this ReaderSession session, string pagePath, string actionPrefix)
    {
        var (_, page) = await session.GetPageAsync(pagePath);
        var form = page.QuerySelectorAll("form[method=post]").FirstOrDefault(f => (f.GetAttribute("action") ?? "").StartsWith(actionPrefix, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {actionPrefix}... on {pagePath}.");
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return await session.PostAsync(form.GetAttribute("action")!, values);
    }

    /// <summary>Makes a secret preview link from the editor page and returns its path.</summary>
    public static async Task<string> PreviewLinkAsync(this ReaderSession session, int id)
    {
        var (made, page) = await session.PressAsync(Edit(id), $"/newsroom/articles/{id}/edit?handler=CreateLink");
        ((int)made.StatusCode).ShouldBe(200);
        return new Uri(page.QuerySelector("#new-preview-link")!.GetAttribute("value")!).AbsolutePath;
    }

    /// <summary>
    /// Reads until <paramref name="done"/> holds (or ten seconds pass), for work the app does on its
    /// own task (the scheduler, the view flusher); returns the last read for the test to assert on.
    /// </summary>
    public static async Task<T> SettledAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    public static Task<Article> StoredAsync(this BroadsheetApp app, int id) =>
        app.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Author).Include(a => a.Tags).SingleAsync(a => a.Id == id));

    public static Task<List<string>> AuditAsync(this BroadsheetApp app, int id) =>
        app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.TargetKind == "article" && e.TargetId == id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action + " by " + e.ActorName).ToListAsync());

    public static string Problems(this IDocument page) => page.QuerySelector(".form-errors")?.TextContent.Trim() ?? "";
}
