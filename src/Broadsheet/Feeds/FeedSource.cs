using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace Broadsheet.Feeds;

/// <summary>What a feed follows: the whole site, or one section, byline or topic.</summary>
public sealed record FeedSource(string Title, string Description, string PagePath, Expression<Func<Article, bool>>? Filter)
{
    /// <summary>
    /// An author's feed: the newest stories come from the author page's per-index path
    /// (ArticleQueries.NewestByAuthorAsync) rather than <see cref="Filter"/>'s OR, which sorts every
    /// story the author wrote or co-wrote. The filter stays for anything else that reads the source.
    /// </summary>
    public int? AuthorId { get; init; }

    /// <summary>The list pages that have their own feed, as their paths begin.</summary>
    public static readonly string[] Kinds = ["category", "author", "tag"];

    public static FeedSource Site(SiteOptions site) => new(site.Name, site.Tagline, "/", null);

    /// <summary>The corrections and clarifications feed (its items come from <see cref="FeedItems.CorrectionsAsync"/>).</summary>
    public static FeedSource Corrections(SiteOptions site) =>
        new($"Corrections and clarifications | {site.Name}", $"Every correction and clarification {site.Name} has made to a story.", "/corrections", null);

    /// <summary>The section, author or tag behind a list page's slug; null when there is none (a 404).</summary>
    public static async Task<FeedSource?> FindAsync(BroadsheetDb db, SiteOptions site, string kind, string slug, CancellationToken ct)
    {
        if (!Slug.IsValid(slug)) return null;
        var path = $"/{kind}/{slug}";
        switch (kind)
        {
            case "category":
                var c = await db.Categories.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.Name, x.Description }).FirstOrDefaultAsync(ct);
                return c is null ? null : new($"{c.Name} | {site.Name}", Or(c.Description, $"The latest from {c.Name}."), path, a => a.CategoryId == c.Id);
            case "author":
                var au = await db.Authors.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.DisplayName }).FirstOrDefaultAsync(ct);
                return au is null ? null : new($"{au.DisplayName} | {site.Name}", $"Stories by {au.DisplayName}.", path, ArticleQueries.ByAuthor(db.ArticleBylines, au.Id)) { AuthorId = au.Id };
            case "tag":
                var t = await db.Tags.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(ct);
                return t is null ? null : new($"{t.Name} | {site.Name}", $"Stories about {t.Name}.", path, a => a.Tags.Any(x => x.Id == t.Id));
            default:
                return null;
        }
    }

    private static string Or(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
