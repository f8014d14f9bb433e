using AngleSharp.Dom;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Site;

/// <summary>How an admin works the sections and settings pages: every form posted as the page has it, plus the changed fields.</summary>
internal static class SiteAdminForms
{
    public const string Sections = "/newsroom/sections";
    public const string Settings = "/newsroom/settings";

    public static async Task<ReaderSession> AdminAsync(this BroadsheetApp app) => (await app.SignedInReaderAsync(Roles.Admin)).Reader;

    /// <summary>Posts the form found by <paramref name="pick"/> on <paramref name="page"/> with all its current values (not only the hidden ones).</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostFormAsync(this ReaderSession session, string page,
        Func<IElement, bool> pick, IDictionary<string, string> changes)
    {
        var (_, document) = await session.GetPageAsync(page);
        var form = document.QuerySelectorAll("form[method=post]").FirstOrDefault(pick)
            ?? throw new Xunit.Sdk.XunitException($"No such form on {page}.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]")) values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        foreach (var select in form.QuerySelectorAll("select[name]"))
            values[select.GetAttribute("name")!] = (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";
        foreach (var (k, v) in changes) values[k] = v;
        return await session.PostAsync(form.GetAttribute("action") ?? page, values); // no action: the page itself
    }

    public static Task<(HttpResponseMessage Response, IDocument Page)> SaveSettingsAsync(this ReaderSession admin, IDictionary<string, string> changes) =>
        admin.PostFormAsync(Settings, f => f.ClassList.Contains("settings-form"), changes);

    /// <summary>A form in the row of the section or tag with this slug: "rename", "merge", "move" or "delete".</summary>
    public static Task<(HttpResponseMessage Response, IDocument Page)> RowActionAsync(this ReaderSession admin, string slug, string form,
        IDictionary<string, string> changes, string query = "") =>
        admin.PostFormAsync(Sections + query, f => f.ClassList.Contains(form) && f.Closest("tr")?.GetAttribute("data-slug") == slug, changes);

    public static Task<(HttpResponseMessage Response, IDocument Page)> CreateAsync(this ReaderSession admin, string noun, string name, string slug = "") =>
        admin.PostFormAsync(Sections, f => f.ClassList.Contains($"create-{noun}"), new Dictionary<string, string> { ["name"] = name, ["slug"] = slug });

}
