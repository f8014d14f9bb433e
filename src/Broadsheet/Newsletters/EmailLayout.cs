using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Newsletters;

/// <summary>A story in a mail: its headline, absolute link and standfirst.</summary>
public sealed record MailStory(string Title, string Url, string Summary);

/// <summary>
/// What a newsletter mail says. <see cref="BodyHtml"/> (an issue's sanitised Markdown) and
/// <see cref="BodyText"/> come first, then the stories. <see cref="Why"/> tells the reader why they
/// get it ("You follow Science and chose a daily digest.").
/// </summary>
public sealed record MailContent(string Site, string Heading, string Why, IReadOnlyList<MailStory> Stories,
    string? BodyHtml = null, string? BodyText = null);

/// <summary>
/// The HTML and text of every newsletter mail, as pure functions. The HTML is what mail clients
/// render well: one centred table 600 px wide, every style inline (Gmail and Outlook drop a
/// &lt;style&gt; block or its selectors), system fonts only, no script, no picture, nothing
/// fetched from anywhere: so no tracking pixel, and links go straight to the story (no redirect).
/// The footer carries the <c>{{preferences}}</c> and <c>{{unsubscribe}}</c> placeholders that the
/// outbox replaces per recipient when it sends.
/// </summary>
public static partial class EmailLayout
{
    public const string PreferencesPlaceholder = "{{preferences}}", UnsubscribePlaceholder = "{{unsubscribe}}";

    private const string Font = "font-family:Georgia,'Times New Roman',serif;";
    private const string Sans = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";

    public static string Html(MailContent c)
    {
        var h = HtmlEncoder.Default;
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        s.Append($"<title>{h.Encode(c.Heading)}</title></head>");
        s.Append("<body style=\"margin:0;padding:0;background:#f4f1ea;\">");
        s.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f1ea;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">");
        s.Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;width:100%;background:#ffffff;border:1px solid #ddd6c8;\">");
        s.Append($"<tr><td style=\"padding:20px 28px 8px;{Sans}font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:#6b6257;\">{h.Encode(c.Site)}</td></tr>");
        s.Append($"<tr><td style=\"padding:0 28px 12px;{Font}font-size:28px;line-height:1.2;color:#1a1a1a;font-weight:bold;\">{h.Encode(c.Heading)}</td></tr>");
        if (!string.IsNullOrWhiteSpace(c.BodyHtml))
            s.Append($"<tr><td style=\"padding:0 28px 8px;{Font}font-size:17px;line-height:1.55;color:#1a1a1a;\">{Inline(c.BodyHtml)}</td></tr>");
        foreach (var story in c.Stories)
        {
            s.Append("<tr><td style=\"padding:12px 28px;border-top:1px solid #eee7da;\">");
            s.Append($"<a href=\"{h.Encode(story.Url)}\" style=\"{Font}font-size:20px;line-height:1.3;color:#8a1c1c;text-decoration:none;font-weight:bold;\">{h.Encode(story.Title)}</a>");
            if (story.Summary.Length > 0)
                s.Append($"<p style=\"margin:6px 0 0;{Font}font-size:16px;line-height:1.5;color:#333333;\">{h.Encode(story.Summary)}</p>");
            s.Append("</td></tr>");
        }
        s.Append($"<tr><td style=\"padding:20px 28px 24px;border-top:1px solid #ddd6c8;{Sans}font-size:13px;line-height:1.5;color:#6b6257;\">");
        s.Append($"{h.Encode(c.Why)} We do not count opens or clicks.<br>");
        s.Append($"<a href=\"{PreferencesPlaceholder}\" style=\"color:#6b6257;\">Email preferences</a> · ");
        s.Append($"<a href=\"{UnsubscribePlaceholder}\" style=\"color:#6b6257;\">Unsubscribe</a>");
        s.Append("</td></tr></table></td></tr></table></body></html>");
        return s.ToString();
    }

    public static string Text(MailContent c)
    {
        var s = new StringBuilder();
        s.Append(c.Site.ToUpperInvariant()).Append("\n\n").Append(c.Heading).Append('\n').Append(new string('=', Math.Min(60, c.Heading.Length))).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(c.BodyText)) s.Append(c.BodyText.Trim()).Append("\n\n");
        foreach (var story in c.Stories)
        {
            s.Append("* ").Append(story.Title).Append('\n');
            if (story.Summary.Length > 0) s.Append("  ").Append(story.Summary).Append('\n');
            s.Append("  ").Append(story.Url).Append("\n\n");
        }
        s.Append("-- \n").Append(c.Why).Append(" We do not count opens or clicks.\n");
        s.Append("Email preferences: ").Append(PreferencesPlaceholder).Append('\n');
        s.Append("Unsubscribe: ").Append(UnsubscribePlaceholder).Append('\n');
        return s.ToString();
    }

    /// <summary>
    /// Gives the sanitised body's plain tags the inline styles a mail client needs (a client keeps
    /// no site stylesheet). Only the tags the Markdown sanitiser lets through are styled; they
    /// carry no attributes of their own but links' href, so a plain replace is exact.
    /// </summary>
    public static string Inline(string html) => html
        .Replace("<p>", "<p style=\"margin:0 0 14px;\">", StringComparison.Ordinal)
        .Replace("<h2>", $"<h2 style=\"margin:18px 0 8px;{Font}font-size:22px;\">", StringComparison.Ordinal)
        .Replace("<h3>", $"<h3 style=\"margin:16px 0 6px;{Font}font-size:19px;\">", StringComparison.Ordinal)
        .Replace("<blockquote>", "<blockquote style=\"margin:0 0 14px;padding-left:14px;border-left:3px solid #ddd6c8;color:#444;\">", StringComparison.Ordinal)
        .Replace("<a href=", "<a style=\"color:#8a1c1c;\" href=", StringComparison.Ordinal);

    /// <summary>
    /// An issue's body made fit for mail: pictures dropped (a mail fetches nothing from anywhere)
    /// and the site's own relative links made absolute on the site's origin.
    /// </summary>
    public static string ForMail(string safeHtml, string origin) =>
        Images().Replace(safeHtml, "").Replace("href=\"/", $"href=\"{origin}/", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("<img\\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Images();
}
