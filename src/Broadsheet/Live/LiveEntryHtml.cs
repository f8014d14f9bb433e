using Broadsheet.Media;
using Broadsheet.Shared;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Live;

/// <summary>
/// One entry's markup, written by the page (<c>_LiveEntries.cshtml</c>) and by the stream from
/// this one method, so what arrives live is byte for byte what a reload shows. Plain string
/// building rather than a Razor partial: the hub renders each event once for all its readers,
/// outside any request, and this needs no view engine there.
/// </summary>
public static class LiveEntryHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    public static string Render(LiveEntry e, TimeZoneInfo zone)
    {
        var s = new StringBuilder(512 + e.BodyHtml.Length);
        var classes = "live-entry" + (e.IsKeyEvent ? " live-key" : "") + (e.IsPinned ? " live-pinned" : "");
        s.Append("<article class=\"").Append(classes).Append("\" id=\"entry-").Append(e.Id).Append("\" data-seq=\"").Append(e.Sequence).Append("\">");
        s.Append("<header class=\"live-entry-meta\">");
        s.Append("<a class=\"live-entry-time\" href=\"#entry-").Append(e.Id).Append("\">");
        s.Append(Time(e.CreatedAt, zone)).Append("<span class=\"visually-hidden\"> (link to this entry)</span></a>");
        s.Append(" <span class=\"live-entry-author\">").Append(Encode.Encode(e.AuthorName)).Append("</span>");
        if (e.IsPinned) s.Append(" <span class=\"live-flag\">Pinned</span>");
        if (e.IsKeyEvent) s.Append(" <span class=\"live-flag\">Key event</span>");
        if (e.EditedAt is { } edited)
            s.Append(" <span class=\"live-edited\">Edited ").Append(Time(edited, zone)).Append("</span>");
        s.Append("</header>");
        // Sanitised at save time (ArticleBody), like an article's body.
        s.Append("<div class=\"live-entry-body\">").Append(e.BodyHtml).Append("</div>");
        if (e.Quote is { } quote)
        {
            s.Append("<blockquote class=\"live-quote\"><p>").Append(Encode.Encode(quote)).Append("</p>");
            if (e.QuoteSource.Length > 0) s.Append("<footer>").Append(Encode.Encode(e.QuoteSource)).Append("</footer>");
            s.Append("</blockquote>");
        }
        if (MediaFolder.UrlOf(e.ImagePath) is { } src)
            s.Append("<figure class=\"live-picture\"><img src=\"").Append(Encode.Encode(src)).Append("\" alt=\"")
             .Append(Encode.Encode(e.ImageAlt)).Append("\" loading=\"lazy\" decoding=\"async\"></figure>");
        s.Append("</article>");
        return s.ToString();
    }

    /// <summary>A key event's line in the timeline at the top (_LiveTop.cshtml): its time and first words.</summary>
    public static string TimelineLine(LiveEntry e, TimeZoneInfo zone) =>
        $"{Time(e.CreatedAt, zone)} {Encode.Encode(LiveCoverage.Summary(e))}";

    /// <summary>The clock time in the site's zone; the full date and time on hover.</summary>
    public static string Time(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"<time datetime=\"{RelativeTime.Iso(utc)}\" title=\"{Encode.Encode(RelativeTime.Exact(utc, zone))}\">{local.ToString("HH:mm", CultureInfo.InvariantCulture)}</time>";
    }
}
