using System.Text.RegularExpressions;

namespace Broadsheet.Media;

/// <summary>
/// Rules about a picture's credit (who took it or owns it) and its licence note (issue 24, item 4):
/// how the WordPress import finds a credit in an attachment's words, whether the holder reads as a
/// person or an organisation (JSON-LD's copyrightHolder), and when a licence note is a link.
/// Pure, so every rule is a table of rows in Media/PictureCreditTests.
/// </summary>
public static partial class PictureCredit
{
    public const int CreditMax = 200;
    public const int LicenceMax = 300;

    /// <summary>What the import takes from an attachment: the credit, a licence note, and the caption without the credit.</summary>
    public sealed record Found(string Credit, string Licence, string Caption);

    // "Photo: X", "Photograph by X", "Picture: X", "Credit: X", "Photo credit: X",
    // "© X", "(c) X", "Copyright X": at the end of a caption, after a sentence or a separator.
    [GeneratedRegex(@"(?:^|(?<=[.!?)\]]\s*)|\s*[|—–/]\s*|\s+-\s+|\s*\(\s*|\s{2,}|\n\s*)(?<label>(?:photo(?:graph)?|picture)(?:\s+credit)?\s*(?::|by\b)|credit\s*:|©|\(c\)(?=\s)|copyright\b(?:\s*©)?)\s*(?<who>[^\n]{2,200}?)\s*\)?\s*\.?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    // WordPress.com's own sample data: "Public domain via https://www.burningwell.org/...".
    [GeneratedRegex(@"^(?<licence>public domain|cc[ -]?by(?:[ -](?:sa|nd|nc))*(?:[ -]\d\.\d)?|cc0|creative commons[^\n]{0,60}?)\s+(?:via|from)\s+(?<url>https?://\S+)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LicenceVia();

    /// <summary>
    /// The import's rule: a trailing credit line in the caption (taken out of the caption, so it
    /// shows once), else one in the description; else a description of the form "{licence} via
    /// {link}" gives the licence note (the whole line) and credits the link's site. Nothing found
    /// leaves the credit empty.
    /// </summary>
    public static Found FromWordPress(string caption, string description)
    {
        caption = Squash(caption);
        description = (description ?? "").Trim();
        if (Trailing().Match(caption) is { Success: true } inCaption)
            return new(Fit(inCaption.Groups["who"].Value, CreditMax), "", caption[..inCaption.Index].TrimEnd(' ', '-', '—', '–', '|', '/', '('));
        foreach (var line in description.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (Trailing().Match(Squash(line)) is { Success: true } inDescription)
                return new(Fit(inDescription.Groups["who"].Value, CreditMax), "", caption);
        if (LicenceVia().Match(description) is { Success: true } via && Uri.TryCreate(via.Groups["url"].Value, UriKind.Absolute, out var source))
            return new(Host(source), Fit(description, LicenceMax), caption);
        return new("", "", caption);
    }

    /// <summary>
    /// "Organization" when the credit names an agency, a company or the site itself (a word such as
    /// Agency, Press, Images, Reuters, or "X/Agency", where the agency holds the copyright); else
    /// "Person", a photographer's name. Returns the holder's name with its type.
    /// </summary>
    public static (string Type, string Name) Holder(string credit)
    {
        credit = Squash(credit);
        var slash = credit.LastIndexOf('/');
        if (slash > 0 && slash < credit.Length - 1) return ("Organization", credit[(slash + 1)..].Trim());
        return (OrganisationWord().IsMatch(credit) ? "Organization" : "Person", credit);
    }

    [GeneratedRegex(@"\b(?:agency|agencies|press|images|photos|pictures|news|media|archive|archives|library|museum|studio|studios|trust|association|society|group|company|club|service|department|office|team|ltd|limited|inc|llc|gmbh|corp|council|government|ministry|police|university|foundation|reuters|afp|ap|epa|pa|getty|shutterstock|alamy|unsplash|pexels|wikimedia|nasa|broadsheet|handout|supplied)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationWord();

    /// <summary>The licence note as a link (JSON-LD license, a rel="license" link) when it is one absolute http(s) URL; else null.</summary>
    public static string? LicenceUrl(string? licence) =>
        Uri.TryCreate((licence ?? "").Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && !(licence ?? "").Trim().Contains(' ')
            ? url.AbsoluteUri : null;

    private static string Host(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    private static string Squash(string? s) => Regex.Replace((s ?? "").Trim(), @"[ \t\r]+", " ");

    private static string Fit(string s, int max) => (s = s.Trim()).Length > max ? s[..max].TrimEnd() : s;
}
