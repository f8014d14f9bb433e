namespace Broadsheet.Caching;

/// <summary>
/// A per-instance copy of content shown on every page (the section navigation, say). Dropped
/// with every eviction of the content tag, on every instance the eviction reaches, so a page
/// rendered after it is current. Implemented where the copy lives, so Caching knows no feature.
/// </summary>
public interface IContentCopy
{
    void Forget();
}
