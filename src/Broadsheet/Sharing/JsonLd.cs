using Broadsheet.Media;
using Broadsheet.Articles;
using Broadsheet.Shared;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Broadsheet.Sharing;

/// <summary>
/// schema.org descriptions for search engines, written into <c>&lt;script type="application/ld+json"&gt;</c>.
/// Browsers do not run that script type, so the CSP (script-src 'self') does not apply to it; what
/// matters is that no text can end the element early, hence <see cref="Serialize"/>.
/// </summary>
public static class JsonLd
{
    // JavaScriptEncoder.Create always escapes the HTML-sensitive characters (<, >, &, ', "), so
    // "</script>" in a headline comes out as "\u003C/script\u003E"; letters of every script stay readable.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(JsonObject node) => node.ToJsonString(Options);

    /// <summary>ISO 8601 with an explicit offset (always +00:00: every stored time is UTC), to the second.</summary>
    public static string Date(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// What readers were told changed: the newest substantive update or correction, never before
    /// publication (a scheduled story was written earlier). Typo fixes do not count (issue 24).
    /// </summary>
    public static DateTime ModifiedOf(Article a)
    {
        var modified = a.PublishedAt ?? a.UpdatedAt;
        if (a.SubstantiveUpdateAt is { } u && u > modified) modified = u;
        foreach (var c in a.Corrections)
            if ((c.AmendedAt ?? c.PublishedAt) is var at && at > modified) modified = at;
        return modified;
    }

    public static JsonObject Organization(SiteOptions site, string baseUrl) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "Organization",
        ["name"] = site.Name,
        ["url"] = baseUrl + "/",
        ["logo"] = Logo(site, baseUrl),
        ["sameAs"] = new JsonArray([.. site.Social.Where(s => !string.IsNullOrWhiteSpace(s.Url)).Select(s => (JsonNode)s.Url)]),
    };

    /// <summary>Lets a search engine offer a search box that lands on our own /search.</summary>
    public static JsonObject WebSite(SiteOptions site, string baseUrl) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = site.Name,
        ["url"] = baseUrl + "/",
        ["inLanguage"] = site.Language,
        ["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = baseUrl + "/search?q={search_term_string}",
            ["query-input"] = "required name=search_term_string",
        },
    };

    public static JsonObject NewsArticle(Article a, SiteOptions site, string baseUrl, string canonicalUrl, string description)
    {
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Snippet.Shorten(a.Title, Snippet.HeadlineLength),
            ["description"] = description,
            ["datePublished"] = Date(a.PublishedAt ?? a.UpdatedAt),
            ["dateModified"] = Date(ModifiedOf(a)),
            ["author"] = Authors(a, baseUrl),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = site.Name,
                ["url"] = baseUrl + "/",
                ["logo"] = Logo(site, baseUrl),
            },
            ["articleSection"] = a.Category.Name,
            ["keywords"] = new JsonArray([.. a.Tags.OrderBy(t => t.Name).Select(t => (JsonNode)t.Name)]),
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["url"] = canonicalUrl,
            ["inLanguage"] = site.Language,
            ["wordCount"] = ReadingTime.CountWords(a.BodyText),
            ["timeRequired"] = $"PT{a.ReadingMinutes}M",
        };
        if (MediaFolder.UrlOf(a.ImagePath) is { } image)
        {
            var picture = new JsonObject { ["@type"] = "ImageObject", ["url"] = PublicUrl.Absolute(baseUrl, image) };
            if (a.ImageWidth is int w && a.ImageHeight is int h) { picture["width"] = w; picture["height"] = h; }
            if (!string.IsNullOrWhiteSpace(a.ImageCaption)) picture["caption"] = a.ImageCaption;
            Credit(picture, a.ImageCredit, a.ImageLicence);
            node["image"] = picture;
        }
        // schema.org's CreativeWork.correction; clarifications are corrections to its vocabulary too.
        if (a.Corrections.Count > 0)
            node["correction"] = new JsonArray([.. a.Corrections.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["datePublished"] = Date(c.PublishedAt),
                ["text"] = $"{c.KindLabel}: {c.Text}",
                ["url"] = canonicalUrl + $"#correction-{c.Id}",
            })]);
        return node;
    }

    /// <summary>
    /// The story's authors in byline order (issue 24): one Person object for a single author, as
    /// before, and an array for several; a guest is a Person with their link, or their name alone.
    /// </summary>
    public static JsonNode Authors(Article a, string baseUrl)
    {
        JsonObject Person(string name, string? url)
        {
            var person = new JsonObject { ["@type"] = "Person", ["name"] = name };
            if (url is not null) person["url"] = url;
            return person;
        }
        var first = Person(a.Author.DisplayName, PublicUrl.Absolute(baseUrl, $"/author/{a.Author.Slug}"));
        if (a.Bylines.Count == 0) return first;
        return new JsonArray([first, .. a.Bylines.OrderBy(b => b.Position).Select(b => (JsonNode)(b.Author is { } au
            ? Person(au.DisplayName, PublicUrl.Absolute(baseUrl, $"/author/{au.Slug}"))
            : Person(b.GuestName, b.GuestUrl)))]);
    }

    /// <summary>
    /// Google's image metadata: creditText as written, copyrightHolder a Person or an Organization
    /// (PictureCredit.Holder: "Jane Doe/Reuters" is Reuters'), license only when the note is a link.
    /// </summary>
    public static void Credit(JsonObject picture, string credit, string licence)
    {
        if (credit.Length > 0)
        {
            picture["creditText"] = credit;
            var (type, name) = PictureCredit.Holder(credit);
            picture["copyrightHolder"] = new JsonObject { ["@type"] = type, ["name"] = name };
        }
        if (PictureCredit.LicenceUrl(licence) is { } url) picture["license"] = url;
    }

    /// <summary>Home → section → story, as search results show the trail.</summary>
    public static JsonObject Breadcrumbs(Article a, string baseUrl, string canonicalUrl) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray(
            Crumb(1, "Home", baseUrl + "/"),
            Crumb(2, a.Category.Name, PublicUrl.Absolute(baseUrl, $"/category/{a.Category.Slug}")),
            Crumb(3, a.Title, canonicalUrl)),
    };

    private static JsonObject Crumb(int position, string name, string url) => new()
    {
        ["@type"] = "ListItem",
        ["position"] = position,
        ["name"] = name,
        ["item"] = url,
    };

    private static JsonObject Logo(SiteOptions site, string baseUrl) =>
        new() { ["@type"] = "ImageObject", ["url"] = PublicUrl.Absolute(baseUrl, site.Logo) };
}
