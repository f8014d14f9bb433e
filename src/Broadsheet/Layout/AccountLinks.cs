using Broadsheet.Accounts;
using Broadsheet.Caching;
using Broadsheet.Comments;
using Broadsheet.Data.Identity;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Layout;

/// <summary>
/// A signed-in reader's header links (newsroom for staff, following, notifications with the
/// unread count, their name, the sign-out form), written directly rather than through the Razor
/// view engine: they are filled into every cached page a signed-in reader gets (AccountHole),
/// where a partial's view lookup, view context and tag helpers cost more than the rest of the
/// fill. <c>_AccountNav.cshtml</c> calls this too, so pages rendered per reader show the same.
/// </summary>
public static class AccountLinks
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    /// <summary>
    /// The signed-out links (sign in, sign up), coming back to <paramref name="back"/> (already
    /// escaped), as <c>_AccountNav.cshtml</c> writes them: every shared page's miss writes these.
    /// </summary>
    public static string SignedOut(string back)
    {
        var to = Encode.Encode(back);
        return string.Concat("  <a href=\"/account/sign-in?returnUrl=", to, "\" data-account-dialog>Sign in</a>\n  <a class=\"button\" href=\"/account/sign-up?returnUrl=",
            to, "\" data-account-dialog>Sign up</a>\n");
    }

    /// <summary>For a page rendered for this reader alone (not a shared page's hole): reads the count itself.</summary>
    public static async Task<string> SignedInAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var unread = http.User.UserId() is int userId
            ? await NotificationsModel.UnreadAsync(services.GetRequiredService<BroadsheetDb>(), userId,
                services.GetRequiredService<ILogger<NotificationsModel>>(), http.RequestAborted)
            : 0;
        return await WriteAsync(http, unread);
    }

    /// <summary>The links with a count already read (the hole's fill reads it with the page's other holes).</summary>
    public static async Task<string> WriteAsync(HttpContext http, int unread)
    {
        var services = http.RequestServices;
        var user = http.User;
        var staff = (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.Staff)).Succeeded;
        var token = services.GetRequiredService<FormTokens>().For(http);
        var s = new StringBuilder(900);
        if (staff) s.Append("  <a href=\"/newsroom\">Newsroom</a>\n");
        s.Append("  <a href=\"/following\">Following</a>\n")
         .Append("  <a href=\"/notifications\" class=\"notifications-link\">\n    <span>Notifications</span>\n");
        if (unread > 0)
            s.Append("    <span class=\"unread-count\"><span class=\"visually-hidden\">, </span>").Append(Counts.Number(unread))
             .Append("<span class=\"visually-hidden\"> unread</span></span>\n");
        s.Append("  </a>\n  <a href=\"/account\" class=\"account-name\">").Append(Encode.Encode(user.DisplayName())).Append("</a>\n")
         .Append("  <form method=\"post\" action=\"/account/sign-out\" class=\"sign-out\">\n    <button type=\"submit\" class=\"link\">Sign out</button>\n  <input name=\"")
         .Append(Encode.Encode(token.FieldName)).Append("\" type=\"hidden\" value=\"").Append(Encode.Encode(token.Token ?? "")).Append("\" /></form>\n");
        return s.ToString();
    }
}
