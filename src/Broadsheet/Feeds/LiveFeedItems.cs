using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Live;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feeds;

/// <summary>
/// A live story's own feed (<c>/articles/{slug}/feed</c>, and <c>/feed/atom</c>): its entries
/// newest first, each an item linking to its permalink on the story (<c>#entry-N</c>).
/// </summary>
public static class LiveFeedItems
{
    public static async Task<(FeedSource Source, List<FeedItem> Items)?> FindAsync(BroadsheetDb db, string slug, DateTime now, int take, CancellationToken ct)
    {
        if (!Shared.Slug.IsValid(slug)) return null;
        var story = await db.Articles.AsNoTracking().Live(now).Where(a => a.Slug == slug)
            .Where(a => db.Set<LiveStory>().Any(s => s.ArticleId == a.Id))
            .Select(a => new { a.Id, a.Title, a.Slug, Author = a.Author.DisplayName, AuthorSlug = a.Author.Slug, Category = new FeedTerm(a.Category.Name, a.Category.Slug) })
            .FirstOrDefaultAsync(ct);
        if (story is null) return null;
        var entries = await LiveFeed.VisibleAsync(db, story.Id, take, ct);
        var items = entries.Select(e => new FeedItem(
            $"{story.Title}: {LiveCoverage.Summary(e, 80)}", story.Slug, LiveCoverage.Summary(e, 300), e.BodyHtml,
            e.CreatedAt, e.EditedAt ?? e.CreatedAt, e.AuthorName.Length > 0 ? e.AuthorName : story.Author, story.AuthorSlug,
            story.Category, [], e.ImagePath, $"entry-{e.Id}")).ToList();
        var source = new FeedSource($"Live: {story.Title}", $"Updates on {story.Title}", SiteAddress.ArticlePath(story.Slug), null);
        return (source, items);
    }
}
