using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// A WordPress comment (autop text with a few inline tags) turned into the Markdown a reader
/// would have typed, so it then takes exactly the reader comments' path
/// (<see cref="Comments.CommentMarkdown"/>: raw HTML off, a short allow-list) and stays
/// editable like any other comment. Links, emphasis, code, quotes and lists survive; other blocks
/// (definition lists, headings, table rows) become paragraphs of their own; every other tag
/// leaves only its text, and text that Markdown would read as markup is escaped.
/// </summary>
public static partial class WordPressComment
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> BlockLike =
    [
        "p", "div", "li", "pre", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
        "caption", "figure", "figcaption", "section", "article", "aside", "header", "footer", "address", "details", "summary", "hr",
    ];

    public static string ToMarkdown(string html)
    {
        var body = Parser.ParseDocument("<!doctype html><html><body>" + (html ?? "") + "</body></html>").Body!;
        var sb = new StringBuilder();
        Write(body, sb);
        return ExtraBlankLines().Replace(sb.ToString(), "\n\n").Trim();
    }

    private static void Write(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    sb.Append(Escape(t.Data));
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append('\n');
                    break;
                case IElement { LocalName: "a" } a when Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out var href) && href.Scheme is "http" or "https" or "mailto":
                    sb.Append('[').Append(Inner(a)).Append("](<").Append(href.AbsoluteUri.Replace(">", "%3E")).Append(">)");
                    break;
                case IElement { LocalName: "strong" or "b" } e:
                    sb.Append("**").Append(Inner(e)).Append("**");
                    break;
                case IElement { LocalName: "em" or "i" } e:
                    sb.Append('*').Append(Inner(e)).Append('*');
                    break;
                case IElement { LocalName: "code" } e:
                    sb.Append('`').Append(e.TextContent.Replace("`", "'")).Append('`');
                    break;
                case IElement { LocalName: "blockquote" } e:
                    sb.Append("\n\n").Append(string.Join('\n', Inner(e).Trim().Split('\n').Select(l => "> " + l))).Append("\n\n");
                    break;
                case IElement { LocalName: "ul" or "ol" } list:
                    // A list stays a list (comments allow ul/ol/li), one item a line.
                    var n = 0;
                    sb.Append("\n\n");
                    foreach (var item in list.Children.Where(c => c.LocalName == "li"))
                        sb.Append(list.LocalName == "ol" ? $"{++n}. " : "- ").Append(Regex.Replace(Inner(item).Trim(), @"\s*\n\s*", " ")).Append('\n');
                    sb.Append("\n\n");
                    break;
                case IElement { LocalName: "tr" } row:
                    sb.Append("\n\n").Append(string.Join(" – ", row.Children.Select(c => Inner(c).Trim()).Where(t => t.Length > 0))).Append("\n\n");
                    break;
                case IElement e when BlockLike.Contains(e.LocalName):
                    // Each block is its own paragraph, so "Title" and "Definition" never run together.
                    sb.Append("\n\n").Append(Inner(e).Trim()).Append("\n\n");
                    break;
                case IElement e:
                    Write(e, sb);
                    break;
            }
        }
    }

    private static string Inner(INode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static string Escape(string text)
    {
        text = Punctuation().Replace(text, @"\$1");
        text = ListMarker().Replace(text, @"$1\$2");
        return NumberedList().Replace(text, @"$1\$2");
    }

    [GeneratedRegex(@"([\\`*_\[\]<>&#|~])")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"(?m)^(\s*)([-+=])")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?m)^(\s*\d+)([.)])")]
    private static partial Regex NumberedList();

    [GeneratedRegex(@"\n\s*\n\s*")]
    private static partial Regex ExtraBlankLines();
}
