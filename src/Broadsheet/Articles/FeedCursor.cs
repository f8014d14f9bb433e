using System.Globalization;

namespace Broadsheet.Articles;

/// <summary>
/// Where an "Older" page of a newest-first list starts: just after the story published at
/// <see cref="PublishedAt"/> with id <see cref="Id"/> (the id breaks ties on the same instant).
/// Written "?before={ticks}-{id}": a page costs one index seek from there, whatever its depth,
/// where "?page=N" made the database walk past every earlier story (issue 15).
/// </summary>
public readonly record struct FeedCursor(DateTime PublishedAt, int Id)
{
    public const string Parameter = "before";

    public override string ToString() => $"{PublishedAt.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Digits, a dash, digits: anything else (or a time outside the calendar, or a non-positive id) is not a cursor.</summary>
    public static bool TryParse(string? raw, out FeedCursor cursor)
    {
        cursor = default;
        if (raw is null || raw.Length > 40) return false;
        var dash = raw.IndexOf('-');
        if (dash <= 0
            || !long.TryParse(raw.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(raw.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks || id <= 0)
            return false;
        cursor = new FeedCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

public static class FeedCursorQueries
{
    /// <summary>
    /// The stories after the cursor in <see cref="ArticleQueries.Newest"/> order. Written as a range
    /// on the time ("&lt;= t") plus a filter, so the database seeks the published-time index to t and
    /// walks from there; a row-value OR would leave some planners scanning from the top.
    /// </summary>
    public static IQueryable<Article> After(this IQueryable<Article> articles, FeedCursor cursor) =>
        articles.Where(a => a.PublishedAt <= cursor.PublishedAt && (a.PublishedAt < cursor.PublishedAt || a.Id < cursor.Id));
}
