using Broadsheet.Shared;

namespace Broadsheet.Feeds;

/// <summary>
/// Absolute URLs for feeds, sitemaps and robots.txt, which are read away from the site and so
/// cannot use relative links. Site:BaseUrl wins; without it the request's scheme and host,
/// as the layout's canonical link does. The output cache keys on the host, so a cached copy
/// never carries another host's links.
/// </summary>
public static class SiteAddress
{
    public static string BaseOf(HttpRequest request, SiteOptions site) =>
        string.IsNullOrEmpty(site.BaseUrl) ? $"{request.Scheme}://{request.Host}" : site.BaseUrl.TrimEnd('/');

    public static string ArticlePath(string slug) => $"/articles/{slug}";
}
