using Broadsheet.Shared;

namespace Broadsheet.Feeds;

/// <summary>How the live articles split into numbered sitemap files, and which names are real.</summary>
public static class SitemapPages
{
    public static int CountFor(int articles, int pageSize) => articles <= 0 ? 0 : (articles + pageSize - 1) / pageSize;

    /// <summary>
    /// "1", "2"... only in canonical form: "01" or "+1" would be a second URL for the same file,
    /// which a crawler would fetch twice.
    /// </summary>
    public static bool TryParse(string? raw, out int page) =>
        Paging.TryParse(raw ?? "", out page) && raw == page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PathOf(int page) => $"/sitemaps/articles-{page}.xml";

    public const string SectionsPath = "/sitemaps/sections.xml";
}
