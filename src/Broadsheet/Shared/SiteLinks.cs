namespace Broadsheet.Shared;

public sealed record SiteLink(string Label, string Path);

/// <summary>The links a feature adds to the site's menu and footer (static pages do).</summary>
public sealed record SiteLinkSet(IReadOnlyList<SiteLink> Menu, IReadOnlyList<SiteLink> Footer)
{
    public static readonly SiteLinkSet None = new([], []);
}

/// <summary>
/// Owned here and implemented by the feature that has the links (Pages/PageLinks.cs), so the
/// layout lists them without depending on that feature. Must not throw: the error page uses the
/// layout too, also while the database is down.
/// </summary>
public interface ISiteLinks
{
    Task<SiteLinkSet> LinksAsync();
}
