using Broadsheet.Accounts;
using Broadsheet.Caching;
using Broadsheet.Comments;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Broadsheet.Layout;

/// <summary>
/// The header's account links as a hole: "Sign in" on the shared page; the reader's name,
/// notifications count and sign-out form (with its token) when they are signed in. The name and
/// roles come from the sign-in cookie; the count is this hole's read (an indexed count), run in
/// the page's one statement of reader state. The signed-in markup is written by <see cref="AccountLinks"/>,
/// without the view engine.
/// </summary>
public sealed class AccountHole : IPageHole
{
    public const string Name = "account";

    public string Kind => Name;

    /// <summary>Written directly, as _AccountNav.cshtml writes it signed out: no partial on every shared page's miss.</summary>
    public Task<SharedHole> RenderSharedAsync(IHtmlHelper html, IReadOnlyList<string> args, CancellationToken ct) =>
        Task.FromResult(new SharedHole(new HtmlString(AccountLinks.SignedOut(args[0])), []));

    public HoleRead? Read(HttpContext http, IReadOnlyList<HoleCall> holes) =>
        http.User.UserId() is int userId ? NotificationsModel.UnreadRead(userId) : null;

    public async Task<IReadOnlyList<string>> FillAsync(HttpContext http, IReadOnlyList<HoleCall> holes, IReadOnlyList<HoleRow> rows)
    {
        // The signed-in links do not depend on the hole's arguments (the page to come back to is for signing in).
        var links = await AccountLinks.WriteAsync(http, rows.Count > 0 ? (int)rows[0].N0 : 0);
        return [.. holes.Select(_ => links)];
    }
}
