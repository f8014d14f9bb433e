using AngleSharp.Dom;
using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// WordPress's text-level constructs, before the post's HTML is parsed: shortcodes, oEmbed URLs
/// and Gutenberg's block comments. Readers must never see raw "[shortcode]" text or a dead URL,
/// and nothing may make the reader's browser talk to a third party before they click: an embed
/// becomes a link card (a paragraph with a link that says where it goes). What cannot come
/// across as it was is reported as a warning of its own kind.
/// </summary>
public static partial class WordPressShortcodes
{
    public static string Rewrite(string content, Func<string, string?> attachmentUrl, List<(string Kind, string Message)> warnings)
    {
        content = DynamicBlock().Replace(content, m =>
        {
            warnings.Add(("dynamic blocks", $"block '{m.Groups["name"].Value}' is drawn by WordPress when the page is shown and has no content in the export: left out"));
            return "";
        });
        content = Caption().Replace(content, CaptionFigure);
        content = Embed().Replace(content, m => $"\n\n{m.Groups["url"].Value.Trim()}\n\n");
        content = WordPressCom().Replace(content, m => $"\n\n{WebUtility.HtmlDecode(m.Groups["url"].Value)}\n\n");
        content = Gallery().Replace(content, m => GalleryLinks(m.Groups["attrs"].Value, attachmentUrl, warnings));
        content = AudioVideo().Replace(content, m => MediaLink(m, warnings));
        content = BareUrlLine().Replace(content, m => Card(m.Groups["url"].Value));
        return Unknown(content, warnings);
    }

    /// <summary>Gutenberg embed blocks (figure.wp-block-embed around a bare URL) become the URL's card.</summary>
    public static void EmbedBlocks(IElement body)
    {
        foreach (var figure in body.QuerySelectorAll("figure").Where(f => f.ClassList.Any(c => c.StartsWith("wp-block-embed", StringComparison.Ordinal))).ToList())
        {
            var found = UrlInText().Match(figure.TextContent);
            var url = figure.QuerySelector("a[href]")?.GetAttribute("href") ?? (found.Success ? found.Value : null);
            if (url is null) { figure.Remove(); continue; }
            var caption = figure.QuerySelector("figcaption")?.TextContent.Trim();
            var card = body.Owner!.CreateElement("div");
            card.InnerHtml = Card(url) + (string.IsNullOrEmpty(caption) ? "" : $"<p>{WebUtility.HtmlEncode(caption)}</p>");
            figure.Replace([.. card.ChildNodes]);
        }
    }

    /// <summary>A link that says what it leads to: "Video on YouTube: youtube.com/watch?v=…".</summary>
    public static string Card(string url)
    {
        if (!Uri.TryCreate(WebUtility.HtmlDecode(url.Trim()), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return WebUtility.HtmlEncode(url);
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        var what = host switch
        {
            "youtube.com" or "youtu.be" or "m.youtube.com" => "Video on YouTube",
            "vimeo.com" => "Video on Vimeo",
            "twitter.com" or "x.com" => "Post on X",
            "instagram.com" => "Post on Instagram",
            "facebook.com" => "Post on Facebook",
            "soundcloud.com" => "Audio on SoundCloud",
            "open.spotify.com" => "Audio on Spotify",
            "flickr.com" or "flic.kr" => "Photo on Flickr",
            "tiktok.com" => "Video on TikTok",
            _ => "Link",
        };
        var shown = host + uri.PathAndQuery.TrimEnd('/');
        if (shown.Length > 70) shown = shown[..69] + "\u2026";
        return $"\n\n<p><a href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\">{what}: {WebUtility.HtmlEncode(shown)}</a></p>\n\n";
    }

    // Both forms: [caption ...]<img> Words[/caption] and [caption caption="Words" ...]<img>[/caption].
    private static string CaptionFigure(Match m)
    {
        var inner = m.Groups["inner"].Value;
        if (CaptionImage().Match(inner) is not { Success: true } img) return inner;
        var text = inner[(img.Index + img.Length)..].Trim();
        if (text.Length == 0 && Attribute(m.Groups["attrs"].Value, "caption") is { } attr) text = attr;
        return $"<figure>{img.Value.Trim()}<figcaption>{text}</figcaption></figure>";
    }

    private static string GalleryLinks(string attrs, Func<string, string?> attachmentUrl, List<(string, string)> warnings)
    {
        var urls = (Attribute(attrs, "ids") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(attachmentUrl).OfType<string>().ToList();
        if (urls.Count == 0)
        {
            warnings.Add(("galleries", "a [gallery] names no picture in the export: left out"));
            return "";
        }
        warnings.Add(("galleries", $"a [gallery] of {urls.Count} picture(s) became links to the old site's files (upload them to keep them)"));
        return "\n\n<ul class=\"gallery-links\">" + string.Concat(urls.Select(u => $"<li><a href=\"{WebUtility.HtmlEncode(u)}\">Picture: {WebUtility.HtmlEncode(FileName(u))}</a></li>")) + "</ul>\n\n";
    }

    private static string MediaLink(Match m, List<(string, string)> warnings)
    {
        var kind = m.Groups["kind"].Value.ToLowerInvariant();
        var attrs = m.Groups["attrs"].Value;
        var src = new[] { "src", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv" }.Select(a => Attribute(attrs, a)).FirstOrDefault(v => v is { Length: > 0 })
            ?? (UrlInText().Match(m.Groups["inner"].Value) is { Success: true } u ? u.Value : null);
        if (src is null || !Uri.TryCreate(WebUtility.HtmlDecode(src), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            warnings.Add(($"{kind} shortcodes", $"an [{kind}] without a file address: left out"));
            return "";
        }
        warnings.Add(($"{kind} shortcodes", $"[{kind}] became a link to {uri.AbsoluteUri} (upload the file to keep it)"));
        var label = kind == "audio" ? "Audio" : "Video";
        return $"\n\n<p><a href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\">{label}: {WebUtility.HtmlEncode(FileName(uri.AbsoluteUri))}</a></p>\n\n";
    }

    /// <summary>
    /// A plugin's shortcode shows as raw text once the plugin is gone. We cannot know which names
    /// a site had registered, so only what is unmistakably a shortcode goes: a name that also has
    /// a closing [/name], or one with attributes (name="..." or a trailing /). "[sic]" and "[1]" stay.
    /// </summary>
    private static string Unknown(string content, List<(string, string)> warnings)
    {
        var closed = ClosingTag().Matches(content).Select(m => m.Groups["name"].Value.ToLowerInvariant()).ToHashSet();
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        content = AnyShortcode().Replace(content, m =>
        {
            var name = m.Groups["name"].Value.ToLowerInvariant();
            var looksLikeOne = m.Groups["close"].Success || closed.Contains(name) || m.Groups["attrs"].Value.Contains('=') || m.Groups["self"].Success;
            if (!looksLikeOne) return m.Value;
            removed.Add(name);
            return "";
        });
        foreach (var name in removed)
            warnings.Add(("unknown shortcodes", $"[{name}] is not a shortcode Broadsheet knows: removed (its inner text, if any, kept)"));
        return content;
    }

    private static string? Attribute(string attrs, string name) =>
        Regex.Match(attrs, $@"(?:^|\s){Regex.Escape(name)}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s\]]+))", RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups["v"].Value
            : null;

    private static string FileName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Segments.Length > 0 ? Uri.UnescapeDataString(u.Segments[^1]) : url;

    [GeneratedRegex(@"<!--\s*wp:(?<name>[a-z][a-z0-9/-]*)(?:\s+\{.*?\})?\s*/-->", RegexOptions.Singleline)]
    private static partial Regex DynamicBlock();

    [GeneratedRegex(@"\[caption(?<attrs>[^\]]*)\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^\s*(?:<a [^>]*>)?\s*<img [^>]*>\s*(?:</a>)?", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionImage();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>.*?)\[/embed\]", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Embed();

    // WordPress.com's own forms: [youtube=URL], [youtube URL], [vimeo URL].
    [GeneratedRegex(@"\[(?:youtube|vimeo|soundcloud|twitter|tweet)[= ](?<url>https?://[^\]\s]+)[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex WordPressCom();

    [GeneratedRegex(@"\[gallery(?<attrs>[^\]]*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Gallery();

    [GeneratedRegex(@"\[(?<kind>audio|video)(?<attrs>[^\]]*)\](?:(?<inner>.*?)\[/\k<kind>\])?", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex AudioVideo();

    // oEmbed: WordPress turns a URL alone on its line into the embed.
    [GeneratedRegex(@"(?m)^[ \t]*(?<url>https?://[^\s<>""']+)[ \t]*\r?$")]
    private static partial Regex BareUrlLine();

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"\[/(?<name>[a-zA-Z][\w-]*)\]")]
    private static partial Regex ClosingTag();

    [GeneratedRegex(@"\[(?<close>/)?(?<name>[a-zA-Z][\w-]*)(?<attrs>(?:[ \t][^\]\[]*?)?)(?<self>[ \t]*/)?\]")]
    private static partial Regex AnyShortcode();
}
