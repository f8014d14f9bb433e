using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feeds;

public sealed record FeedTerm(string Name, string Slug);

/// <summary>One story as a feed carries it. <see cref="Html"/> is null in summary mode.</summary>
public sealed record FeedItem(
    string Title, string Slug, string Standfirst, string? Html,
    DateTime PublishedAt, DateTime UpdatedAt,
    string AuthorName, string AuthorSlug, FeedTerm Category, List<FeedTerm> Tags,
    string? ImagePath)
{
    /// <summary>When a reader last saw it change: edited, or went live (a scheduled story's UpdatedAt can be older).</summary>
    public DateTime Modified => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}

public static class FeedItems
{
    /// <summary>The newest live stories of a source; the body only when the feed carries it.</summary>
    public static Task<List<FeedItem>> NewestAsync(BroadsheetDb db, FeedSource source, DateTime now, int take, bool withBody, CancellationToken ct)
    {
        var live = db.Articles.AsNoTracking().Live(now);
        if (source.Filter is not null) live = live.Where(source.Filter);
        return live.Newest().Take(take).Select(a => new FeedItem(
                a.Title, a.Slug, a.Standfirst, withBody ? a.BodyHtml : null,
                a.PublishedAt!.Value, a.UpdatedAt,
                a.Author.DisplayName, a.Author.Slug, new FeedTerm(a.Category.Name, a.Category.Slug),
                a.Tags.OrderBy(t => t.Name).Select(t => new FeedTerm(t.Name, t.Slug)).ToList(),
                a.ImagePath))
            .AsSplitQuery()
            .ToListAsync(ct);
    }
}
