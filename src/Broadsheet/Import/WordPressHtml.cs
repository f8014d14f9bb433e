using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Articles;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>A post's body, ready for an <see cref="Article"/>: what is stored, shown, searched and timed.</summary>
public sealed record ImportedBody(string Markdown, string Html, string Text, int ReadingMinutes)
{
    /// <summary>What could not come across as it was (kind, message), for the import's summary.</summary>
    public IReadOnlyList<(string Kind, string Message)> Warnings { get; init; } = [];
}

/// <summary>
/// WordPress post HTML in, the article's body out. WordPress stores "autop" text (a blank line
/// is a paragraph, a single newline a line break) mixed with HTML, so we first make the
/// paragraphs real, then run the result through the articles' own sanitizer (no scripts, no
/// on* handlers, no javascript: URLs, no forms or styles). The sanitized HTML is also stored as
/// the Markdown: Markdown allows HTML blocks, so a later edit through Article.SetBody renders
/// the same page. Text and reading time come from the sanitized HTML, not from the markup.
/// </summary>
public static partial class WordPressHtml
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul", "script", "style", "noscript", "video", "audio", "object", "embed", "svg", "math", "select",
    };

    // Containers whose loose text WordPress also turns into paragraphs.
    private static readonly HashSet<string> Wrapping = new(StringComparer.OrdinalIgnoreCase) { "div", "blockquote", "section", "article", "aside" };

    private static readonly HtmlParser Parser = new();

    /// <param name="attachmentUrl">The URL of an attachment by WordPress id, for galleries (null when unknown).</param>
    public static ImportedBody ToArticleBody(string content, Func<string, string?>? attachmentUrl = null)
    {
        var warnings = new List<(string, string)>();
        content = WordPressShortcodes.Rewrite(content ?? "", attachmentUrl ?? (_ => null), warnings);
        var body = Parse(content);
        WordPressShortcodes.EmbedBlocks(body);
        EmbedsAsLinks(body);
        Autop(body);
        var safe = Parse(ArticleBody.SanitizeHtml(body.InnerHtml));
        var text = PlainText(safe);
        return new ImportedBody(AsMarkdown(safe), safe.InnerHtml.Trim(), text, ReadingTime.MinutesFor(text)) { Warnings = warnings };
    }

    /// <summary>Excerpts and titles: the words only, entities decoded, whitespace collapsed.</summary>
    public static string TextOf(string html) =>
        Regex.Replace(Parse(html ?? "").TextContent, @"\s+", " ").Trim();

    private static IElement Parse(string html) =>
        Parser.ParseDocument("<!doctype html><html><body>" + html + "</body></html>").Body!;

    /// <summary>
    /// An iframe would run someone else's page inside ours (and our CSP refuses it anyway), so an
    /// https embed becomes a link to what it showed; anything else is dropped with it.
    /// </summary>
    private static void EmbedsAsLinks(IElement body)
    {
        foreach (var frame in body.QuerySelectorAll("iframe").ToList())
        {
            if (Uri.TryCreate(frame.GetAttribute("src"), UriKind.Absolute, out var src) && src.Scheme is "https" or "http")
            {
                var p = body.Owner!.CreateElement("p");
                var a = body.Owner.CreateElement("a");
                a.SetAttribute("href", src.AbsoluteUri);
                a.TextContent = frame.GetAttribute("title") is { Length: > 0 } title ? title : $"Embedded content from {src.Host}";
                p.AppendChild(a);
                frame.Replace(p);
            }
            else frame.Remove();
        }
    }

    /// <summary>Loose text and inline markup between blocks: blank lines part paragraphs, single newlines break lines.</summary>
    private static void Autop(IElement container)
    {
        var html = new StringBuilder();
        var run = new StringBuilder();
        foreach (var node in container.ChildNodes.ToList())
        {
            if (node is IElement e && Blocks.Contains(e.LocalName))
            {
                Paragraphs(run, html);
                if (Wrapping.Contains(e.LocalName)) Autop(e);
                html.Append(e.OuterHtml).Append('\n');
            }
            else if (node is not IComment) run.Append(node.ToHtml());
        }
        Paragraphs(run, html);
        container.InnerHtml = html.ToString();
    }

    private static void Paragraphs(StringBuilder run, StringBuilder html)
    {
        foreach (var piece in BlankLine().Split(run.ToString()))
            if (!string.IsNullOrWhiteSpace(piece))
                html.Append("<p>").Append(piece.Trim().Replace("\n", "<br>\n")).Append("</p>\n");
        run.Clear();
    }

    /// <summary>Each block on its own, separated by a blank line and with none inside (except in pre), so Markdown reads it as HTML.</summary>
    private static string AsMarkdown(IElement body) => string.Join("\n\n", body.ChildNodes
        .Select(n => n is IElement { LocalName: "pre" } ? n.ToHtml() : BlankLine().Replace(n.ToHtml(), "\n").Trim())
        .Where(s => s.Length > 0));

    private static string PlainText(IElement body)
    {
        var sb = new StringBuilder();
        Walk(body, sb);
        return string.Join('\n', sb.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) sb.Append(t.Data.Replace('\n', ' '));
            else if (child is IElement { LocalName: "br" }) sb.Append('\n');
            else if (child is IElement e)
            {
                var block = Blocks.Contains(e.LocalName);
                if (block) sb.Append('\n');
                Walk(e, sb);
                if (block) sb.Append('\n');
            }
        }
    }

    [GeneratedRegex(@"\n[ \t\r]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex Spaces();
}
