using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Import;

/// <summary>
/// A WordPress comment (autop text with a few inline tags) turned into the Markdown a reader
/// would have typed, so it then takes exactly the reader comments' path
/// (<see cref="Comments.CommentMarkdown"/>: raw HTML off, a short allow-list) and stays
/// editable like any other comment. Links, emphasis, code and quotes survive; every other tag
/// leaves only its text, and text that Markdown would read as markup is escaped.
/// </summary>
public static partial class WordPressComment
{
    private static readonly HtmlParser Parser = new();

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
                case IElement { LocalName: "p" or "div" or "ul" or "ol" or "li" or "pre" } e:
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
