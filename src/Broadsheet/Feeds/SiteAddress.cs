namespace Broadsheet.Feeds;

/// <summary>
/// Paths for feeds, sitemaps and robots.txt, which are read away from the site and so use
/// absolute links (their origin is <see cref="Shared.SiteOrigin"/>).
/// </summary>
public static class SiteAddress
{
    public static string ArticlePath(string slug) => $"/articles/{slug}";
}
