using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Feeds;

/// <summary>
/// The pages of /sitemaps/sections.xml: home, latest, every section, and the authors and tags
/// that have live stories, each with its newest story's change as lastmod. Deciding which
/// stories are live means reading every article row, and on SQLite a row's dates sit behind
/// its long body, so that is done once: one pass gives sections, authors and each story's
/// last change, and tags are matched from the narrow join table. Tags are cut (least recently
/// active first) to keep the file within the protocol's 50,000 URLs.
/// </summary>
public static class SitemapSections
{
    public static async Task<List<(string Path, DateTime? LastModified)>> ListAsync(BroadsheetDb db, IQueryable<Article> live, CancellationToken ct)
    {
        var byCategory = new Dictionary<int, DateTime>();
        var byAuthor = new Dictionary<int, DateTime>();
        var byArticle = new Dictionary<int, DateTime>();
        var rows = live.Select(a => new { a.Id, a.CategoryId, a.AuthorId, a.UpdatedAt, a.PublishedAt }).AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            var last = SitemapXml.Later(a.UpdatedAt, a.PublishedAt);
            Raise(byCategory, a.CategoryId, last);
            Raise(byAuthor, a.AuthorId, last);
            byArticle[a.Id] = last;
        }
        var byTag = new Dictionary<int, DateTime>();
        var links = db.Set<Dictionary<string, object>>("ArticleTags")
            .Select(l => new { ArticleId = EF.Property<int>(l, "ArticleId"), TagId = EF.Property<int>(l, "TagId") }).AsAsyncEnumerable();
        await foreach (var link in links.WithCancellation(ct))
            if (byArticle.TryGetValue(link.ArticleId, out var last)) Raise(byTag, link.TagId, last);

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Id, c.Slug }).ToListAsync(ct);
        var authors = await db.Authors.AsNoTracking().Select(a => new { a.Id, a.Slug }).ToListAsync(ct);
        var tags = await db.Tags.AsNoTracking().Select(t => new { t.Id, t.Slug }).ToListAsync(ct);

        var newest = byCategory.Count == 0 ? (DateTime?)null : byCategory.Values.Max();
        var urls = new List<(string, DateTime?)> { ("/", newest), ("/latest", newest) };
        urls.AddRange(categories.Select(c => ($"/category/{c.Slug}", byCategory.TryGetValue(c.Id, out var last) ? last : (DateTime?)null)));
        urls.AddRange(authors.Where(a => byAuthor.ContainsKey(a.Id)).OrderBy(a => a.Slug, StringComparer.Ordinal)
            .Select(a => ($"/author/{a.Slug}", (DateTime?)byAuthor[a.Id])));
        var room = Math.Max(0, FeedOptions.MaxSitemapUrls - urls.Count);
        urls.AddRange(tags.Where(t => byTag.ContainsKey(t.Id)).OrderByDescending(t => byTag[t.Id]).Take(room).OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => ($"/tag/{t.Slug}", (DateTime?)byTag[t.Id])));
        return urls;
    }

    private static void Raise(Dictionary<int, DateTime> latest, int key, DateTime value)
    {
        if (!latest.TryGetValue(key, out var seen) || value > seen) latest[key] = value;
    }
}
