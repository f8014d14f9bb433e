using Microsoft.AspNetCore.Html;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Articles;

/// <summary>
/// A story's "By A, B and C" (<see cref="Byline"/>): authors link to their pages, a guest to their
/// link if they gave one. Written directly rather than through a partial: it is on every article
/// render, and a partial's lookup and activation cost more than the line (docs/benchmarks.md,
/// "What an article miss spends"). <c>_Byline.cshtml</c> calls this too. Built in code so no
/// stray space falls before a comma.
/// </summary>
public static class StoryBylineHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static IHtmlContent Html(Article story, string? language)
    {
        var extra = story.Bylines.OrderBy(b => b.Position).ToList();
        var s = new StringBuilder(200).Append("<span class=\"byline\">").Append(Encode.Encode(Byline.Prefix(language) + " "))
            .Append("<a href=\"/author/").Append(story.Author.Slug).Append("\" rel=\"author\">").Append(Encode.Encode(story.Author.DisplayName)).Append("</a>");
        for (var i = 0; i < extra.Count; i++)
        {
            var b = extra[i];
            s.Append(Encode.Encode(Byline.Between(i, extra.Count + 1, language)));
            if (b.Author is { } author) s.Append("<a href=\"/author/").Append(author.Slug).Append("\" rel=\"author\">").Append(Encode.Encode(author.DisplayName)).Append("</a>");
            else if (b.GuestUrl is { } link) s.Append("<a href=\"").Append(Encode.Encode(link)).Append("\" rel=\"author nofollow\">").Append(Encode.Encode(b.GuestName)).Append("</a>");
            else s.Append(Encode.Encode(b.GuestName));
        }
        return new HtmlString(s.Append("</span>").ToString());
    }
}
