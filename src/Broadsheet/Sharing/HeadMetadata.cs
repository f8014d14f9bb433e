using Broadsheet.Media;
using Broadsheet.Articles;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Sharing;

/// <summary>A picture for link previews: absolute URL, and what is known about it.</summary>
public sealed record PreviewImage(string Url, string Alt, int? Width, int? Height);

/// <summary>The article facts OpenGraph carries (article:*), with absolute URLs.</summary>
public sealed record ArticleFacts(string Published, string Modified, string Section, IReadOnlyList<string> Tags, string AuthorUrl);

/// <summary>
/// Everything the layout writes into &lt;head&gt; about a page: title, description, canonical URL,
/// OpenGraph, Twitter card and JSON-LD. Built once per render from what the page put in ViewData
/// (Title, Description, Canonical, OgType, and the <see cref="Article"/> under <see cref="ArticleKey"/>).
/// </summary>
public sealed record HeadMetadata(
    string SiteName, string FullTitle, string Title, string Description, string? CanonicalUrl, string OgType,
    PreviewImage Image, bool LargeImage, string? TwitterSite, ArticleFacts? Facts, IReadOnlyList<string> JsonLdScripts, bool NoIndex = false)
{
    /// <summary>ViewData key a page sets to true to ask search engines not to index it (secret previews).</summary>
    public const string NoIndexKey = "Sharing.NoIndex";

    /// <summary>ViewData key under which an article page puts its <see cref="Articles.Article"/> (with category, author and tags loaded).</summary>
    public const string ArticleKey = "Sharing.Article";

    public string TwitterCard => LargeImage ? "summary_large_image" : "summary";

    /// <summary><paramref name="baseUrl"/> is the configured origin (<see cref="SiteOrigin"/>).</summary>
    public static HeadMetadata From(ViewDataDictionary viewData, SiteOptions site, string baseUrl)
    {
        var article = viewData[ArticleKey] as Article;
        // The newsroom's SEO overrides win over the headline and standfirst for search engines and link previews.
        var title = article?.SeoTitle is { Length: > 0 } seoTitle ? seoTitle : viewData["Title"] as string;
        var description = DescriptionOf(article?.SeoDescription is { Length: > 0 } seo ? seo : viewData["Description"] as string, article, site);
        var canonical = CanonicalOf(viewData, baseUrl);

        var picture = article is not null && MediaFolder.UrlOf(article.ImagePath) is { } path
            ? new PreviewImage(PublicUrl.Absolute(baseUrl, path), article.ImageAlt, article.ImageWidth, article.ImageHeight)
            : null;
        var image = picture ?? new PreviewImage(PublicUrl.Absolute(baseUrl, site.Logo), $"{site.Name} logo", null, null);

        var scripts = new List<string>();
        ArticleFacts? facts = null;
        if (article is not null && canonical is not null)
        {
            facts = new ArticleFacts(
                JsonLd.Date(article.PublishedAt ?? article.UpdatedAt), JsonLd.Date(JsonLd.ModifiedOf(article)), article.Category.Name,
                [.. article.Tags.OrderBy(t => t.Name).Select(t => t.Name)], PublicUrl.Absolute(baseUrl, $"/author/{article.Author.Slug}"));
            var story = JsonLd.NewsArticle(article, site, baseUrl, canonical, description);
            // A live story's page carries its coverage (Live/LiveAdditions): it is a LiveBlogPosting with its updates.
            if (viewData[StoryAddition.ViewDataKey] is Live.LiveCoverage live) LiveJsonLd.Apply(story, live, canonical);
            scripts.Add(JsonLd.Serialize(story));
            scripts.Add(JsonLd.Serialize(JsonLd.Breadcrumbs(article, baseUrl, canonical)));
        }
        else if (viewData["Canonical"] as string == "/")
        {
            scripts.Add(JsonLd.Serialize(JsonLd.Organization(site, baseUrl)));
            scripts.Add(JsonLd.Serialize(JsonLd.WebSite(site, baseUrl)));
        }

        return new HeadMetadata(
            site.Name,
            string.IsNullOrEmpty(title) ? $"{site.Name}: {site.Tagline}" : $"{title} | {site.Name}",
            string.IsNullOrEmpty(title) ? site.Name : title,
            description,
            canonical,
            article is not null ? "article" : viewData["OgType"] as string ?? "website",
            image,
            picture is not null,
            TwitterHandle(site.Twitter),
            facts,
            scripts,
            viewData[NoIndexKey] is true);
    }

    /// <summary>The page's own words; an article without a standfirst is described by its opening; else the tagline.</summary>
    private static string DescriptionOf(string? given, Article? article, SiteOptions site)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        if (article is not null && !string.IsNullOrWhiteSpace(article.BodyText)) return Snippet.Shorten(article.BodyText, Snippet.DescriptionLength);
        return site.Tagline;
    }

    /// <summary>Absolute, and for page N &gt; 1 of a list its own "?page=N" (see <see cref="PublicUrl.Paged"/>).</summary>
    private static string? CanonicalOf(ViewDataDictionary viewData, string baseUrl)
    {
        if (viewData["Canonical"] is not string path) return null;
        // An "Older" page by cursor is its own page (different stories), as "?page=N" was.
        if (viewData.Model is ListPageModel { Cursor: { } cursor })
            return PublicUrl.Absolute(baseUrl, $"{path}{(path.Contains('?') ? '&' : '?')}{FeedCursor.Parameter}={cursor}");
        var page = viewData.Model is ListPageModel list ? list.PageNumber : 1;
        return PublicUrl.Absolute(baseUrl, PublicUrl.Paged(path, page));
    }

    /// <summary>"broadsheet" and "@broadsheet" both mean @broadsheet; blank means none.</summary>
    public static string? TwitterHandle(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? null : "@" + configured.Trim().TrimStart('@');
}
