using Broadsheet.Audit;
using AngleSharp.Dom;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.People;

/// <summary>
/// The app with the security stamp re-read on every request (so a role change or lockout ends
/// sessions at once) and comments shown without moderation or waiting.
/// </summary>
public sealed class PeopleApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Accounts:StampCheckSeconds", "0"),
        new("Comments:Moderation", "None"),
        new("Comments:MinSecondsToSubmit", "0"),
    ];
}

/// <summary>How a newsroom member works the people pages, over HTTP, as their browser would.</summary>
internal static class PeopleForms
{
    public static string UserPage(int id) => $"/newsroom/users/{id}";
    public static string BanPage(int id) => $"/newsroom/users/{id}/ban";

    /// <summary>Opens <paramref name="page"/>, takes the form posting exactly to <paramref name="action"/> with its token and hidden fields, adds <paramref name="fields"/> and posts it.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PressAsync(this ReaderSession session, string page, string action,
        Dictionary<string, string>? fields = null)
    {
        var (_, doc) = await session.GetPageAsync(page);
        var form = doc.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on {page}.");
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields ?? []) values[k] = v;
        return await session.PostAsync(action, values);
    }

    public static Task<(HttpResponseMessage Response, IDocument Page)> UserActionAsync(this ReaderSession admin, int id, string handler,
        Dictionary<string, string>? fields = null) =>
        admin.PressAsync(UserPage(id), $"{UserPage(id)}?handler={handler}", fields);

    public static Task<(HttpResponseMessage Response, IDocument Page)> BanAsync(this ReaderSession editor, int id, string length, string reason,
        string until = "", string? from = null) =>
        editor.PressAsync(from ?? BanPage(id), BanPage(id), new() { ["length"] = length, ["until"] = until, ["reason"] = reason });

    /// <summary>Any token this session may use: the one in the search box's page is not a form, so take the thread's from an article.</summary>
    public static async Task<string> AnyTokenAsync(this ReaderSession session, string articleSlug) =>
        (await session.ThreadTokenAsync(articleSlug))["__RequestVerificationToken"];

    public static Task<List<AuditEntry>> AuditForAsync(this BroadsheetApp app, string kind, string id) =>
        app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.TargetKind == kind && e.TargetId == id).OrderBy(e => e.Id).ToListAsync());

    public static Task<Broadsheet.Data.Identity.User> FreshUserAsync(this BroadsheetApp app, int id) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<List<string>> RolesOfAsync(this BroadsheetApp app, int id) =>
        app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id orderby r.Id select r.Name!).ToListAsync());
}
