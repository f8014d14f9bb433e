using Broadsheet.Shared;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Votes;

/// <summary>
/// The vote widget's markup, written directly rather than through the Razor view engine: it is
/// filled into the cached article page for every signed-in hit, where a partial's view lookup,
/// view context and tag helpers cost more than the rest of the fill (docs/benchmarks.md,
/// "Where a signed-in hit's time goes"). The one writer serves the shared page, the personal
/// fill, the counters fragment and the answer to an htmx vote, so they cannot drift apart.
/// </summary>
public static class VoteWidgetHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static string Write(VoteWidget w)
    {
        var c = w.Controls;
        var s = new StringBuilder(c.Token is null ? 600 : 900);
        s.Append("<div class=\"counters\" id=\"votes\"><p class=\"counts\">");
        if (w.Views >= 0)
            s.Append("<span class=\"views\">").Append(Counts.Of(w.Views, "View", "Views")).Append("</span> <span aria-hidden=\"true\">·</span> ");
        s.Append("<span class=\"votes\">").Append(VoteTally.Line(w.Upvotes, w.Downvotes)).Append("</span></p>");
        if (c.Token is null)
        {
            s.Append("<p class=\"vote\"><a class=\"button vote vote-up\" data-account-dialog href=\"").Append(Encode.Encode(w.SignInFor("up")))
             .Append("\">▲ Upvote</a> <a class=\"button vote vote-down\" data-account-dialog href=\"").Append(Encode.Encode(w.SignInFor("down")))
             .Append("\">▼ Downvote</a></p>");
        }
        else
        {
            var action = Encode.Encode($"{w.ArticlePath}/vote");
            s.Append("<form class=\"vote\" method=\"post\" action=\"").Append(action).Append("\" data-hx-post=\"").Append(action)
             .Append("\" data-hx-target=\"closest .counters\" data-hx-swap=\"outerHTML\"><input type=\"hidden\" name=\"")
             .Append(Encode.Encode(c.TokenField ?? "")).Append("\" value=\"").Append(Encode.Encode(c.Token)).Append("\">");
            Button(s, c.Mine, VoteDirection.Up, "vote-up", "▲ Upvote", VoteState.Up);
            s.Append(' ');
            Button(s, c.Mine, VoteDirection.Down, "vote-down", "▼ Downvote", VoteState.Down);
            s.Append("</form>");
        }
        return s.Append("</div>").ToString();
    }

    private static void Button(StringBuilder s, VoteState mine, VoteDirection direction, string css, string label, VoteState pressedWhen) =>
        s.Append("<button type=\"submit\" name=\"direction\" value=\"").Append(Encode.Encode(VoteChange.ButtonValue(mine, direction)))
         .Append("\" class=\"vote ").Append(css).Append("\" aria-pressed=\"").Append(mine == pressedWhen ? "true" : "false")
         .Append("\">").Append(label).Append("</button>");
}

/// <summary>
/// An HTML answer written as UTF-8 with a fixed content type. Results.Content parses its content
/// type and looks its charset up through the code-page provider, under a lock, on every answer:
/// a vote storm's profile found it among the htmx vote's costs (issue 16).
/// </summary>
public sealed class HtmlAnswer(string html, int status = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html, Encoding.UTF8);
    }
}

