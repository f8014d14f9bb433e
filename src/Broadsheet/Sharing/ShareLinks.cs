using Broadsheet.Articles;
using Broadsheet.Shared;

namespace Broadsheet.Sharing;

/// <summary>
/// Plain links to each network's own share page: no third-party script, image or cookie reaches
/// the reader until they choose to click. Every value is percent-encoded (spaces as %20, which
/// mailto: needs; "+" would arrive as a literal plus sign in a mail client).
/// </summary>
public sealed record ShareLinks(string Url, string Title, string Text)
{
    /// <summary>A story's links on the site's origin: its canonical URL, its headline, and its standfirst as the text.</summary>
    public static ShareLinks For(Article a, string baseUrl) =>
        new(PublicUrl.Absolute(baseUrl, $"/articles/{a.Slug}"), a.Title, a.Standfirst);

    private static string E(string value) => Uri.EscapeDataString(value);

    public string Facebook => $"https://www.facebook.com/sharer/sharer.php?u={E(Url)}";
    public string X => $"https://x.com/intent/post?url={E(Url)}&text={E(Title)}";
    public string LinkedIn => $"https://www.linkedin.com/sharing/share-offsite/?url={E(Url)}";
    public string WhatsApp => $"https://wa.me/?text={E(Title + " " + Url)}";

    /// <summary>Subject is the headline; the body is the standfirst (when there is one), then the link.</summary>
    public string Email => $"mailto:?subject={E(Title)}&body={E(string.IsNullOrWhiteSpace(Text) ? Url : Text + "\n\n" + Url)}";

    /// <summary>The networks in the order they are shown, as (name, URL).</summary>
    public IEnumerable<(string Name, string Href)> Networks =>
        [("Facebook", Facebook), ("X", X), ("LinkedIn", LinkedIn), ("WhatsApp", WhatsApp)];
}
