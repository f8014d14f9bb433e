using Broadsheet.Caching;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Follows;

/// <summary>
/// The Follow button's markup, written directly rather than through the Razor view engine: it
/// is filled into cached pages for every signed-in hit (FollowHole), where a partial's view
/// lookup, view context and form tag helper cost more than the rest of the fill. The partial
/// <c>_FollowButton.cshtml</c> calls this too, so every place shows the same button.
/// </summary>
public static class FollowButtonHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    /// <summary>The button; a signed-in one carries the response's one form token (asked of antiforgery once per response).</summary>
    public static string Write(FollowButton b, HttpContext http)
    {
        var s = new StringBuilder(700);
        var label = b.Followers == 1 ? "1 follower" : $"{b.Followers:#,0} followers";
        var name = Encode.Encode(b.Target.Name);
        s.Append("<div class=\"follow\" data-follow=\"").Append(Encode.Encode(b.Then)).Append("\">\n");
        if (b.Following is not { } following)
        {
            // Signed out: the click signs in first, then the sign-in POST completes the follow.
            s.Append("    <a class=\"button follow-button\" data-account-dialog\n       href=\"/account/sign-in?returnUrl=")
             .Append(Encode.Encode(Uri.EscapeDataString(b.ReturnPath))).Append("&amp;then=").Append(Encode.Encode(Uri.EscapeDataString(b.Then)))
             .Append("\">Follow<span class=\"visually-hidden\"> ").Append(name).Append("</span></a>\n");
        }
        else
        {
            var token = http.RequestServices.GetRequiredService<FormTokens>().For(http);
            s.Append("    <form method=\"post\" action=\"/follow\" data-hx-post=\"/follow\" data-hx-target=\"closest .follow\" data-hx-swap=\"outerHTML\">\n")
             .Append("      <input type=\"hidden\" name=\"kind\" value=\"").Append(b.Target.Kind.ToString().ToLowerInvariant()).Append("\">\n")
             .Append("      <input type=\"hidden\" name=\"slug\" value=\"").Append(Encode.Encode(b.Target.Slug)).Append("\">\n")
             .Append("      <input type=\"hidden\" name=\"follow\" value=\"").Append(following ? "false" : "true").Append("\">\n")
             .Append("      <input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Encode.Encode(b.ReturnPath)).Append("\">\n")
             .Append("      <button type=\"submit\" class=\"follow-button\" aria-pressed=\"").Append(following ? "true" : "false").Append("\">")
             .Append(following ? "Following" : "Follow").Append("<span class=\"visually-hidden\"> ").Append(name).Append("</span></button>\n")
             .Append("    <input name=\"").Append(Encode.Encode(token.FieldName)).Append("\" type=\"hidden\" value=\"").Append(Encode.Encode(token.Token ?? ""))
             .Append("\" /></form>\n");
        }
        return s.Append("  <span class=\"followers\">").Append(Encode.Encode(label)).Append("</span>\n</div>\n").ToString();
    }
}
