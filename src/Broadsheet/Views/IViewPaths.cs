namespace Broadsheet.Views;

/// <summary>
/// Addresses other than /articles/{slug} whose views count on an article: a static page that
/// counts views is counted on its hidden companion (Articles/Companion). Owned here, implemented
/// by the feature that owns the address (Pages), so Views depends on no feature above it.
/// </summary>
public interface IViewPaths
{
    /// <summary>Whether this implementation owns addresses like this one: a cheap test on the path alone, made on every request.</summary>
    bool Claims(PathString path);

    /// <summary>The slug of the article this address's views count on, or null when it counts none.</summary>
    ValueTask<string?> ArticleSlugAsync(PathString path, CancellationToken ct);
}
