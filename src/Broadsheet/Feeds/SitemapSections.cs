using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feeds;

/// <summary>
/// The pages of /sitemaps/sections.xml: home, latest, every section, and the authors and tags
/// that have live stories, each with its newest story's change as lastmod. Each list is one
/// grouped query; tags are cut (least recently active first) to keep the file within the
/// protocol's 50,000 URLs.
/// </summary>
public static class SitemapSections
{
    private sealed record Activity(string Slug, DateTime Updated, DateTime? Published)
    {
        public DateTime Last => SitemapXml.Later(Updated, Published);
    }

    public static async Task<List<(string Path, DateTime? LastModified)>> ListAsync(BroadsheetDb db, IQueryable<Article> live, CancellationToken ct)
    {
        var byCategory = await live.GroupBy(a => a.Category.Slug)
            .Select(g => new Activity(g.Key, g.Max(a => a.UpdatedAt), g.Max(a => a.PublishedAt))).ToListAsync(ct);
        var byAuthor = await live.GroupBy(a => a.Author.Slug)
            .Select(g => new Activity(g.Key, g.Max(a => a.UpdatedAt), g.Max(a => a.PublishedAt))).ToListAsync(ct);
        var byTag = await live.SelectMany(a => a.Tags, (a, t) => new { t.Slug, a.UpdatedAt, a.PublishedAt }).GroupBy(x => x.Slug)
            .Select(g => new Activity(g.Key, g.Max(x => x.UpdatedAt), g.Max(x => x.PublishedAt))).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Slug).ToListAsync(ct);

        var newest = byCategory.Count == 0 ? (DateTime?)null : byCategory.Max(c => c.Last);
        var categoryLast = byCategory.ToDictionary(c => c.Slug, c => c.Last);
        var urls = new List<(string, DateTime?)> { ("/", newest), ("/latest", newest) };
        urls.AddRange(categories.Select(slug => ($"/category/{slug}", categoryLast.TryGetValue(slug, out var last) ? last : (DateTime?)null)));
        urls.AddRange(byAuthor.OrderBy(a => a.Slug, StringComparer.Ordinal).Select(a => ($"/author/{a.Slug}", (DateTime?)a.Last)));
        var room = Math.Max(0, FeedOptions.MaxSitemapUrls - urls.Count);
        urls.AddRange(byTag.OrderByDescending(t => t.Last).Take(room).OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => ($"/tag/{t.Slug}", (DateTime?)t.Last)));
        return urls;
    }
}
