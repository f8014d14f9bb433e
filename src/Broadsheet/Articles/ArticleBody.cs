using Ganss.Xss;
using Markdig;

namespace Broadsheet.Articles;

/// <summary>Markdown in, HTML that is safe to show out. Runs at save time only.</summary>
public static class ArticleBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    // The sanitizer's defaults already drop scripts, event handlers and javascript: URLs;
    // we also refuse the few tags that let an author break the page layout.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>HTML from elsewhere (a WordPress import) through the same allow-list as our own bodies.</summary>
    public static string SanitizeHtml(string html) => Sanitizer.Sanitize(html ?? "");

    /// <summary>The words without markup: what search indexes and quotes back in snippets.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "style" })
            s.AllowedTags.Remove(tag);
        s.AllowedAttributes.Remove("style");
        // An imported picture carries the media library's smaller copies. srcset is off by default;
        // allowed, each candidate's URL is checked like a src (a javascript: candidate is dropped).
        // Without sizes the browser assumes the full viewport.
        s.AllowedAttributes.Add("srcset");
        s.AllowedAttributes.Add("sizes");
        s.AllowedSchemes.Add("mailto");
        return s;
    }
}
