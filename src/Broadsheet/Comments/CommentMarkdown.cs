using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadsheet.Comments;

/// <summary>
/// A reader's Markdown in, inert HTML out: emphasis, links, quotes, code and lists, nothing else.
/// Two locks on the door: Markdig runs with raw HTML off (a typed &lt;script&gt; stays text),
/// then HtmlSanitizer keeps only a short allow-list of tags, one URL attribute and three
/// schemes, so whatever Markdig lets through (an entity-encoded "jav&amp;#x61;script:" link
/// is decoded into a real href) is cut again. Runs when a comment is saved, never per view.
/// </summary>
public static class CommentMarkdown
{
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly MarkdownPipeline Pipeline = CreatePipeline();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        // An image becomes a link to it: readers see the URL and choose, the page loads nothing.
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage)) image.IsImage = false;
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString()).Trim();
    }

    /// <summary>Links as readers would see them: [text](url), &lt;url&gt;, bare URLs and images (shown as links).</summary>
    public static int CountLinks(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        return document.Descendants<LinkInline>().Count() + document.Descendants<AutolinkInline>().Count();
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAutoLinks().DisableHtml();
        // A comment has no use for headings: "# 1" stays a line of text, not a page-sized title.
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        if (builder.BlockParsers.Find<ParagraphBlockParser>() is { } paragraphs) paragraphs.ParseSetextHeadings = false;
        return builder.Build();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        static HashSet<string> Set(params string[] items) => new(items, StringComparer.OrdinalIgnoreCase);
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = Set("p", "br", "em", "strong", "a", "blockquote", "code", "pre", "ul", "ol", "li", "hr"),
            AllowedAttributes = Set("href", "start"),
            UriAttributes = Set("href"),
            AllowedSchemes = Set("http", "https", "mailto"),
        });
        // After filtering, so it is ours and not the writer's: search engines give user links no
        // weight (nofollow ugc), and a linked page gets no handle on this one (noopener).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement a) a.SetAttribute("rel", LinkRel);
        };
        return sanitizer;
    }
}
