namespace Broadsheet.Articles;

/// <summary>One page of a list, and where "Load more" leads (null on the last page).</summary>
public sealed record ArticleFeed(IReadOnlyList<ArticleCard> Items, string? NextUrl)
{
    /// <summary>How many cards load their picture eagerly: the first page's top cards; "Load more" pages are below the fold.</summary>
    public int EagerCount { get; init; }

    public const int PageSize = 20;

    /// <summary>Builds a page from a query that fetched one row more than a page, to learn whether more exist.</summary>
    public static ArticleFeed From(List<ArticleCard> pagePlusOne, string basePath, int page)
    {
        var hasMore = pagePlusOne.Count > PageSize;
        if (hasMore) pagePlusOne.RemoveAt(pagePlusOne.Count - 1);
        var separator = basePath.Contains('?') ? '&' : '?';
        return new ArticleFeed(pagePlusOne, hasMore ? $"{basePath}{separator}page={page + 1}" : null)
        {
            EagerCount = page == 1 ? CardImage.AboveTheFold : 0,
        };
    }

    /// <summary>A newest-first page: "Load more" leads to the stories older than its last one (<see cref="FeedCursor"/>).</summary>
    public static ArticleFeed Keyset(List<ArticleCard> pagePlusOne, string basePath, bool first)
    {
        var hasMore = pagePlusOne.Count > PageSize;
        if (hasMore) pagePlusOne.RemoveAt(pagePlusOne.Count - 1);
        var separator = basePath.Contains('?') ? '&' : '?';
        var last = pagePlusOne.LastOrDefault();
        return new ArticleFeed(pagePlusOne, hasMore && last is not null
            ? $"{basePath}{separator}{FeedCursor.Parameter}={new FeedCursor(last.PublishedAt, last.Id)}" : null)
        {
            EagerCount = first ? CardImage.AboveTheFold : 0,
        };
    }
}
