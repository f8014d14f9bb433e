using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace Broadsheet.Articles;

/// <summary>What a reader sees of an article in any list.</summary>
public sealed record ArticleCard(
    int Id, string Title, string Slug, string Standfirst, DateTime PublishedAt,
    string CategoryName, string CategorySlug, string AuthorName, string AuthorSlug,
    int ReadingMinutes, long ViewCount, int CommentCount,
    string? ImagePath, int? ImageWidth, int? ImageHeight)
{
    /// <summary>
    /// The names after the first author, in byline order (issue 24), so a card reads "By A and B".
    /// Filled for a whole page of cards by one query (<see cref="CardBylines.NameCoAuthorsAsync"/>);
    /// empty for a story with one author.
    /// </summary>
    public IReadOnlyList<CardName> CoAuthors { get; set; } = [];
}

/// <summary>A further name on a card's byline: an author with a page (<see cref="Slug"/>), or a guest with an optional link.</summary>
public sealed record CardName(string Name, string? Slug, string? Url);

/// <summary>The reader-side queries. Readers only ever see what is live: published, or scheduled and due.</summary>
public static class ArticleQueries
{
    /// <summary>Every status but Published and Scheduled, taken from the enum: a status added later is never live until said so here.</summary>
    private static readonly ArticleStatus[] NeverLive =
        [.. Enum.GetValues<ArticleStatus>().Where(s => s is not (ArticleStatus.Published or ArticleStatus.Scheduled))];

    /// <summary>
    /// Written as "status NOT IN (the others)" and a bare "published at &lt;= now" (NULL fails it) on
    /// purpose (issue 15): SQLite, which has no statistics, takes an equality or IN on Status as a
    /// seek on (Status, PublishedAt) and then sorts every live story for "newest first" (1.8M VM
    /// steps for /latest at 100,000 articles). NOT IN cannot seek, so the lists walk the
    /// published-time index backwards and stop at the page size (506 steps). An IS NOT NULL would
    /// also bound that walk from below and make the planner prefer any other time range.
    /// ArticleQueryPlanTests holds the plans.
    /// </summary>
    public static IQueryable<Article> Live(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => !NeverLive.Contains(a.Status) && a.PublishedAt <= nowUtc);

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static readonly Expression<Func<Article, ArticleCard>> Card = a => new ArticleCard(
        a.Id, a.Title, a.Slug, a.Standfirst, a.PublishedAt!.Value,
        a.Category.Name, a.Category.Slug, a.Author.DisplayName, a.Author.Slug,
        a.ReadingMinutes, a.ViewCount, a.CommentCount,
        a.ImagePath, a.ImageWidth, a.ImageHeight);

    /// <summary>
    /// The stories an author wrote or co-wrote (issue 24). Written as "first author, or id IN (the
    /// author's bylines)" on purpose: SQLite then seeks both indexes ((AuthorId, PublishedAt) and
    /// ArticleBylines' (AuthorId, ArticleId)) as a multi-index OR; a correlated EXISTS (what
    /// a.Bylines.Any() becomes) walks the published-time index instead. docs/trust.md has the plans.
    /// </summary>
    public static Expression<Func<Article, bool>> ByAuthor(IQueryable<ArticleByline> bylines, int authorId)
    {
        var coWritten = bylines.Where(b => b.AuthorId == authorId).Select(b => b.ArticleId);
        return a => a.AuthorId == authorId || coWritten.Contains(a.Id);
    }

    /// <summary>
    /// One page of an author's live stories, own and co-written, newest first, after
    /// <paramref name="after"/> when given: at most <paramref name="take"/> rows. Each side is a
    /// backwards walk of its own index that stops after <paramref name="take"/> keys (Articles'
    /// (AuthorId, PublishedAt) for the first author, ArticleBylines' (AuthorId, PublishedAt,
    /// ArticleId) for the co-author, whose copy of the time is null unless the story is listed);
    /// the two short lists are merged here and the page's rows fetched by key. So a deep page costs
    /// what page 1 costs, where <see cref="ByAuthor"/>'s OR sorted every older story of the author.
    /// </summary>
    public static async Task<IQueryable<Article>> NewestByAuthorAsync(this BroadsheetDb db, int authorId, DateTime nowUtc, FeedCursor? after, int take, CancellationToken ct)
    {
        var own = db.Articles.Live(nowUtc).Where(a => a.AuthorId == authorId);
        var coWritten = db.ArticleBylines.Where(b => b.AuthorId == authorId && b.PublishedAt <= nowUtc);
        if (after is { } c)
        {
            own = own.After(c);
            coWritten = coWritten.Where(b => b.PublishedAt <= c.PublishedAt && (b.PublishedAt < c.PublishedAt || b.ArticleId < c.Id));
        }
        var keys = await own.Newest().Take(take).Select(a => new { a.Id, PublishedAt = a.PublishedAt!.Value }).ToListAsync(ct);
        keys.AddRange(await coWritten.OrderByDescending(b => b.PublishedAt).ThenByDescending(b => b.ArticleId).Take(take)
            .Select(b => new { Id = b.ArticleId, PublishedAt = b.PublishedAt!.Value }).ToListAsync(ct));
        var page = keys.DistinctBy(k => k.Id).OrderByDescending(k => k.PublishedAt).ThenByDescending(k => k.Id).Take(take).Select(k => k.Id).ToList();
        return db.Articles.Where(a => page.Contains(a.Id)).Newest();
    }

    public static Task<List<ArticleCard>> CardsAsync(this IQueryable<Article> articles, int skip, int take, CancellationToken ct = default) =>
        articles.Skip(skip).Take(take).Select(Card).ToListAsync(ct);

    public static Task<Article?> LiveBySlugAsync(this BroadsheetDb db, string slug, DateTime nowUtc, CancellationToken ct = default) =>
        db.Articles.AsNoTracking().Live(nowUtc)
            .Include(a => a.Category).Include(a => a.Author).Include(a => a.Tags)
            .Include(a => a.Bylines.OrderBy(b => b.Position)).ThenInclude(b => b.Author)
            .Include(a => a.Corrections.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);

    public static readonly TimeSpan MostViewedWindow = TimeSpan.FromDays(7);

    /// <summary>Most viewed looks at this many newest stories, so its cost does not grow with the archive.</summary>
    public const int MostViewedPool = 200;

    /// <summary>Most viewed among the week's newest stories, so one old hit does not sit on top for ever.</summary>
    public static Task<List<ArticleCard>> MostViewedAsync(this BroadsheetDb db, DateTime nowUtc, int take, CancellationToken ct = default)
    {
        var since = nowUtc - MostViewedWindow;
        return db.Articles.Live(nowUtc).Where(a => a.PublishedAt >= since).Newest().Take(MostViewedPool)
            .OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.PublishedAt)
            .CardsAsync(0, take, ct);
    }

    /// <summary>Newest live articles in the same category, then any newest, never the article itself.</summary>
    public static async Task<List<ArticleCard>> RelatedAsync(this BroadsheetDb db, Article article, DateTime nowUtc, int take, CancellationToken ct = default)
    {
        var live = db.Articles.AsNoTracking().Live(nowUtc).Where(a => a.Id != article.Id);
        var related = await live.Where(a => a.CategoryId == article.CategoryId).Newest().CardsAsync(0, take, ct);
        if (related.Count < take)
        {
            var seen = related.Select(r => r.Slug).ToHashSet();
            var more = await live.Where(a => a.CategoryId != article.CategoryId).Newest().CardsAsync(0, take, ct);
            related.AddRange(more.Where(m => !seen.Contains(m.Slug)).Take(take - related.Count));
        }
        return related;
    }
}
