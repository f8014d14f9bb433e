using Broadsheet.Shared;

namespace Broadsheet.Sharing;

/// <summary>
/// Absolute URLs for links that leave the site (canonical, OpenGraph, JSON-LD, share links),
/// on the configured origin (<see cref="SiteOrigin"/>).
/// </summary>
public static class PublicUrl
{
    /// <summary>A site path made absolute; an already absolute http(s) URL is kept as it is.</summary>
    public static string Absolute(string baseUrl, string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            return pathOrUrl;
        return baseUrl.TrimEnd('/') + "/" + pathOrUrl.TrimStart('/');
    }

    /// <summary>
    /// The canonical path of page <paramref name="page"/> of a list: page 1 is the bare path (so
    /// "?page=1" and "" are one page to a search engine); later pages keep their own "?page=N",
    /// since they hold different stories. The output cache varies by "page", so baking it in is safe.
    /// </summary>
    public static string Paged(string path, int page) =>
        page <= 1 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}page={page}";
}
