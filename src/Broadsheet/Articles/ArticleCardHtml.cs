using Broadsheet.Media;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Html;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Articles;

/// <summary>
/// A story's card (headline, standfirst, byline, time, reading time, comment count, thumbnail)
/// written directly rather than through the Razor view engine. Every list, the home page and the
/// article's related stories render many cards per miss, and a partial's view lookup, activation
/// and view-data copy cost more than the card's own text (docs/benchmarks.md, "What an article
/// miss spends"). <c>_ArticleCard.cshtml</c> and <c>_CardByline.cshtml</c> call this too, so a
/// page still using the partials writes the same bytes. Text is encoded as Razor encodes it
/// (<see cref="HtmlEncoder.Default"/>); slugs are written as they are, as the partials wrote them.
/// </summary>
public static class ArticleCardHtml
{
    private static readonly HtmlEncoder Encode = HtmlEncoder.Default;

    /// <summary>How the card's thumbnail loads: its srcset (null when there are no smaller copies), sizes, and eager or lazy.</summary>
    public readonly record struct Picture(string? SrcSet, string Sizes, bool Eager);

    public static IHtmlContent Html(ArticleCard card, DateTime nowUtc, MediaVariants variants, string sizes, bool eager, string? language) =>
        new HtmlString(Write(new StringBuilder(1200), card, nowUtc, new Picture(variants.SrcSet(card.ImagePath, card.ImageWidth), sizes, eager), language).ToString());

    /// <summary>The card as <c>_ArticleCard.cshtml</c> wrote it, ending with a newline.</summary>
    public static StringBuilder Write(StringBuilder s, ArticleCard card, DateTime nowUtc, Picture picture, string? language)
    {
        s.Append("<article class=\"card\">\n");
        if (card.ImagePath is { } path)
        {
            // Decorative (alt=""): the headline beside it names the story. Without a srcset, sizes goes too (HTML's rule).
            s.Append("    <img class=\"card-image\" src=\"").Append(Encode.Encode(MediaFolder.UrlPrefix)).Append('/').Append(Encode.Encode(path)).Append('"');
            if (picture.SrcSet is { } srcset)
                s.Append(" srcset=\"").Append(Encode.Encode(srcset)).Append("\" sizes=\"").Append(Encode.Encode(picture.Sizes)).Append('"');
            s.Append("\n         alt=\"\"");
            if (card.ImageWidth is { } width) s.Append(" width=\"").Append(width).Append('"');
            if (card.ImageHeight is { } height) s.Append(" height=\"").Append(height).Append('"');
            s.Append(" loading=\"").Append(picture.Eager ? "eager" : "lazy").Append("\" decoding=\"async\">\n");
        }
        s.Append("  <p class=\"kicker\"><a href=\"/category/").Append(Encode.Encode(card.CategorySlug)).Append("\">").Append(Encode.Encode(card.CategoryName)).Append("</a></p>\n")
         .Append("  <h3 class=\"card-title\"><a href=\"/articles/").Append(Encode.Encode(card.Slug)).Append("\">").Append(Encode.Encode(card.Title)).Append("</a></h3>\n")
         .Append("  <p class=\"standfirst\">").Append(Encode.Encode(card.Standfirst)).Append("</p>\n")
         .Append("  <p class=\"meta\">\n    ");
        // The partial's own newline, then the card's.
        WriteByline(s, card, language).Append("\n\n")
         .Append("    <span aria-hidden=\"true\">·</span>\n    <time datetime=\"").Append(Encode.Encode(RelativeTime.Iso(card.PublishedAt)))
         .Append("\" title=\"").Append(Encode.Encode(RelativeTime.Exact(card.PublishedAt))).Append("\">")
         .Append(Encode.Encode(RelativeTime.Describe(card.PublishedAt, nowUtc))).Append("</time>\n")
         .Append("    <span aria-hidden=\"true\">·</span>\n    <span>").Append(card.ReadingMinutes).Append(" min read</span>\n")
         .Append("    <span aria-hidden=\"true\">·</span>\n    <a class=\"comment-count\" href=\"/articles/").Append(Encode.Encode(card.Slug))
         .Append("#comments\">").Append(Encode.Encode(Counts.Of(card.CommentCount, "comment", "comments"))).Append("</a>\n")
         .Append("  </p>\n</article>\n");
        return s;
    }

    /// <summary>"By A and B" (<see cref="Byline"/>) in its span, as <c>_CardByline.cshtml</c> wrote it, without a newline.</summary>
    public static StringBuilder WriteByline(StringBuilder s, ArticleCard card, string? language)
    {
        var count = card.CoAuthors.Count + 1;
        s.Append("<span class=\"card-byline\">").Append(Encode.Encode(Byline.Prefix(language) + " "))
         .Append("<a href=\"/author/").Append(card.AuthorSlug).Append("\">").Append(Encode.Encode(card.AuthorName)).Append("</a>");
        for (var i = 0; i < card.CoAuthors.Count; i++)
        {
            var name = card.CoAuthors[i];
            s.Append(Encode.Encode(Byline.Between(i, count, language)));
            if (name.Slug is { } slug) s.Append("<a href=\"/author/").Append(slug).Append("\">").Append(Encode.Encode(name.Name)).Append("</a>");
            else if (name.Url is { } link) s.Append("<a href=\"").Append(Encode.Encode(link)).Append("\" rel=\"nofollow\">").Append(Encode.Encode(name.Name)).Append("</a>");
            else s.Append(Encode.Encode(name.Name));
        }
        return s.Append("</span>");
    }
}
