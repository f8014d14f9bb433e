namespace Broadsheet.Feeds;

/// <summary>
/// A sitemap file another feature serves (Pages: /sitemaps/pages.xml), listed in /sitemap.xml.
/// Owned here and implemented by that feature, so Feeds does not depend on it.
/// </summary>
public interface ISitemapFile
{
    /// <summary>The file's path, e.g. "/sitemaps/pages.xml".</summary>
    string Path { get; }

    /// <summary>The newest change among its URLs; null when it has none (then the index leaves it out).</summary>
    Task<DateTime?> LastModifiedAsync(IServiceProvider services, CancellationToken ct);
}
