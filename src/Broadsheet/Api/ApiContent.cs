using Broadsheet.Media;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Api;

/// <summary>Ids a filter takes (any of them; none means no restriction) and ids it leaves out.</summary>
public sealed record IdSet(IReadOnlyList<int> Include, IReadOnlyList<int> Exclude)
{
    public static readonly IdSet Any = new([], []);

    /// <summary>The one id taken, for search's single-valued filters (checked with <see cref="SlugSet.IsSingle"/> first).</summary>
    public int? Single => Include.Count == 1 ? Include[0] : null;
}

/// <summary>The filters of the article list, already resolved to ids.</summary>
public sealed record ArticleFilter(IdSet Categories, IdSet Tags, IdSet Authors, DateTime? From = null, DateTime? To = null, DateTime? UpdatedSince = null)
{
    public static readonly ArticleFilter None = new(IdSet.Any, IdSet.Any, IdSet.Any);
}

/// <summary>Which optional article fields a read fills in.</summary>
public sealed record BodyFormats(bool Html, bool Plaintext)
{
    public static BodyFormats For(IReadOnlySet<string> fields) => new(fields.Contains("html"), fields.Contains("plaintext"));
}

/// <summary>
/// The Content API's reads. Only live articles ever leave here (<see cref="ArticleQueries.Live"/>),
/// and links are absolute, on the configured origin (<see cref="SiteOrigin"/>).
/// </summary>
public sealed class ApiContent(BroadsheetDb db, TimeProvider clock, SiteOrigin origin)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string BaseUrl => origin.Value;

    private IQueryable<Article> Live => db.Articles.AsNoTracking().Live(Now);

    public async Task<(List<ApiArticle> Items, int Total)> ArticlesAsync(ArticleFilter f, ArticleOrder order, int skip, int take, BodyFormats formats, CancellationToken ct)
    {
        var q = Live;
        if (f.Categories.Include is { Count: > 0 } ci) q = q.Where(a => ci.Contains(a.CategoryId));
        if (f.Categories.Exclude is { Count: > 0 } ce) q = q.Where(a => !ce.Contains(a.CategoryId));
        // An author's stories are those they wrote or co-wrote (issue 24), as on their page.
        if (f.Authors.Include is { Count: > 0 } ai)
        {
            var coWritten = db.ArticleBylines.Where(b => b.AuthorId != null && ai.Contains(b.AuthorId.Value)).Select(b => b.ArticleId);
            q = q.Where(a => ai.Contains(a.AuthorId) || coWritten.Contains(a.Id));
        }
        if (f.Authors.Exclude is { Count: > 0 } ae)
        {
            var coWritten = db.ArticleBylines.Where(b => b.AuthorId != null && ae.Contains(b.AuthorId.Value)).Select(b => b.ArticleId);
            q = q.Where(a => !ae.Contains(a.AuthorId) && !coWritten.Contains(a.Id));
        }
        if (f.Tags.Include is { Count: > 0 } ti) q = q.Where(a => a.Tags.Any(x => ti.Contains(x.Id)));
        if (f.Tags.Exclude is { Count: > 0 } te) q = q.Where(a => !a.Tags.Any(x => te.Contains(x.Id)));
        if (f.From is { } from) q = q.Where(a => a.PublishedAt >= from);
        if (f.To is { } to) q = q.Where(a => a.PublishedAt < to);
        if (f.UpdatedSince is { } since) q = q.Where(a => a.UpdatedAt >= since);
        var total = await q.CountAsync(ct);
        var items = total <= skip ? [] : await ProjectAsync(Ordered(q, order).Skip(skip).Take(take), formats, ct);
        return (items, total);
    }

    /// <summary>The chosen order, then newest and id, so every page is stable.</summary>
    private static IQueryable<Article> Ordered(IQueryable<Article> q, ArticleOrder order) => (order.Field, order.Ascending) switch
    {
        ("updated", true) => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
        ("updated", false) => q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id),
        ("title", true) => q.OrderBy(a => a.Title).ThenBy(a => a.Id),
        ("title", false) => q.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        ("views", true) => q.OrderBy(a => a.ViewCount).ThenBy(a => a.PublishedAt).ThenBy(a => a.Id),
        ("views", false) => q.OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id),
        ("points", true) => q.OrderBy(a => a.Upvotes - a.Downvotes).ThenBy(a => a.PublishedAt).ThenBy(a => a.Id),
        ("points", false) => q.OrderByDescending(a => a.Upvotes - a.Downvotes).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id),
        (_, true) => q.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id),
        _ => q.Newest(),
    };

    public async Task<ApiArticle?> ArticleAsync(string slug, BodyFormats formats, CancellationToken ct) =>
        (await ProjectAsync(Live.Where(a => a.Slug == slug), formats, ct)).FirstOrDefault();

    public async Task<ApiArticle?> ArticleAsync(int id, BodyFormats formats, CancellationToken ct) =>
        (await ProjectAsync(Live.Where(a => a.Id == id), formats, ct)).FirstOrDefault();

    /// <summary>Articles by id, in the order given (search rank).</summary>
    public async Task<List<ApiArticle>> ArticlesByIdAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = (await ProjectAsync(Live.Where(a => ids.Contains(a.Id)), new BodyFormats(false, false), ct)).ToDictionary(a => a.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private async Task<List<ApiArticle>> ProjectAsync(IQueryable<Article> q, BodyFormats formats, CancellationToken ct)
    {
        var (html, plaintext) = (formats.Html, formats.Plaintext);
        var rows = await q.Select(a => new
        {
            a.Id, a.Slug, a.Title, a.Standfirst, a.PublishedAt, a.UpdatedAt, a.ReadingMinutes,
            Category = new ApiTerm(a.Category.Slug, a.Category.Name),
            Author = new ApiTerm(a.Author.Slug, a.Author.DisplayName),
            More = a.Bylines.OrderBy(b => b.Position).Select(b => new { Slug = b.Author != null ? b.Author.Slug : null, Name = b.Author != null ? b.Author.DisplayName : b.GuestName, b.GuestUrl }).ToList(),
            Tags = a.Tags.OrderBy(t => t.Name).Select(t => new ApiTerm(t.Slug, t.Name)).ToList(),
            a.ImagePath, a.ImageAlt, a.ImageCaption, a.ImageWidth, a.ImageHeight, a.ImageCredit, a.ImageLicence,
            Counts = new ApiCounts(a.ViewCount, a.Upvotes, a.Downvotes, a.CommentCount),
            Html = html ? a.BodyHtml : null,
            Plaintext = plaintext ? a.BodyText : null,
        }).AsSplitQuery().ToListAsync(ct);
        var baseUrl = BaseUrl;
        return rows.Select(r => new ApiArticle(
            r.Id, r.Slug, r.Title, r.Standfirst, $"{baseUrl}/articles/{r.Slug}", r.PublishedAt!.Value, r.UpdatedAt, r.ReadingMinutes,
            r.Category, r.Author,
            [new ApiByline(r.Author.Slug, r.Author.Name, $"{baseUrl}/author/{r.Author.Slug}", false),
             .. r.More.Select(m => new ApiByline(m.Slug, m.Name, m.Slug is null ? m.GuestUrl : $"{baseUrl}/author/{m.Slug}", m.Slug is null))],
            r.Tags,
            r.ImagePath is null ? null : new ApiImage($"{baseUrl}{MediaFolder.UrlPrefix}/{r.ImagePath}", r.ImageAlt, r.ImageCaption, r.ImageWidth, r.ImageHeight, r.ImageCredit, r.ImageLicence),
            r.Counts, r.Html, r.Plaintext)).ToList();
    }

    /// <summary>Every section, in the site's navigation order, with its live article count.</summary>
    public async Task<(List<ApiCategory> Items, int Total)> CategoriesAsync(int skip, int take, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var total = await db.Categories.CountAsync(ct);
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ThenBy(c => c.Id).Skip(skip).Take(take)
            .Select(c => new { c.Slug, c.Name, c.Description, Count = live.Count(a => a.CategoryId == c.Id) }).ToListAsync(ct);
        return (rows.Select(r => new ApiCategory(r.Slug, r.Name, r.Description, $"{baseUrl}/category/{r.Slug}", r.Count)).ToList(), total);
    }

    /// <summary>Tags with at least one live article, by name.</summary>
    public async Task<(List<ApiTag> Items, int Total)> TagsAsync(int skip, int take, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var used = db.Tags.AsNoTracking().Where(t => live.Any(a => a.Tags.Any(x => x.Id == t.Id)));
        var total = await used.CountAsync(ct);
        var rows = await used.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip(skip).Take(take)
            .Select(t => new { t.Slug, t.Name, Count = live.Count(a => a.Tags.Any(x => x.Id == t.Id)) }).ToListAsync(ct);
        return (rows.Select(r => new ApiTag(r.Slug, r.Name, $"{baseUrl}/tag/{r.Slug}", r.Count)).ToList(), total);
    }

    /// <summary>Bylines with at least one live article, by name.</summary>
    public async Task<(List<ApiAuthor> Items, int Total)> AuthorsAsync(int skip, int take, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var used = db.Authors.AsNoTracking().Where(au => live.Any(a => a.AuthorId == au.Id || a.Bylines.Any(b => b.AuthorId == au.Id)));
        var total = await used.CountAsync(ct);
        var rows = await used.OrderBy(au => au.DisplayName).ThenBy(au => au.Id).Skip(skip).Take(take)
            .Select(au => new { au.Slug, au.DisplayName, au.Bio, Count = live.Count(a => a.AuthorId == au.Id || a.Bylines.Any(b => b.AuthorId == au.Id)) }).ToListAsync(ct);
        return (rows.Select(r => new ApiAuthor(r.Slug, r.DisplayName, r.Bio, $"{baseUrl}/author/{r.Slug}", r.Count)).ToList(), total);
    }

    /// <summary>One section by slug, with its live article count; null when there is none.</summary>
    public async Task<ApiCategory?> CategoryAsync(string slug, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var row = await db.Categories.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Slug, c.Name, c.Description, Count = live.Count(a => a.CategoryId == c.Id) }).FirstOrDefaultAsync(ct);
        return row is null ? null : new ApiCategory(row.Slug, row.Name, row.Description, $"{baseUrl}/category/{row.Slug}", row.Count);
    }

    /// <summary>One tag by slug, with its live article count (which may be 0: the tag exists); null when there is none.</summary>
    public async Task<ApiTag?> TagAsync(string slug, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var row = await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Slug, t.Name, Count = live.Count(a => a.Tags.Any(x => x.Id == t.Id)) }).FirstOrDefaultAsync(ct);
        return row is null ? null : new ApiTag(row.Slug, row.Name, $"{baseUrl}/tag/{row.Slug}", row.Count);
    }

    /// <summary>One byline by slug, only while it has a live article (as in the list: an unpublished byline is not announced).</summary>
    public async Task<ApiAuthor?> AuthorAsync(string slug, CancellationToken ct)
    {
        var live = Live;
        var baseUrl = BaseUrl;
        var row = await db.Authors.AsNoTracking().Where(au => au.Slug == slug && live.Any(a => a.AuthorId == au.Id || a.Bylines.Any(b => b.AuthorId == au.Id)))
            .Select(au => new { au.Slug, au.DisplayName, au.Bio, Count = live.Count(a => a.AuthorId == au.Id || a.Bylines.Any(b => b.AuthorId == au.Id)) }).FirstOrDefaultAsync(ct);
        return row is null ? null : new ApiAuthor(row.Slug, row.DisplayName, row.Bio, $"{baseUrl}/author/{row.Slug}", row.Count);
    }

    /// <summary>Resolves the slug filters to ids; names the first slug that matches nothing.</summary>
    public async Task<(ArticleFilter Filter, string? Problem)> ResolveAsync(SlugSet category, SlugSet tag, SlugSet author, CancellationToken ct)
    {
        var (categories, c) = await IdsAsync("category", category, w => db.Categories.Where(x => w.Contains(x.Slug)).Select(x => new SlugId(x.Slug, x.Id)), ct);
        if (c is not null) return (ArticleFilter.None, c);
        var (tags, t) = await IdsAsync("tag", tag, w => db.Tags.Where(x => w.Contains(x.Slug)).Select(x => new SlugId(x.Slug, x.Id)), ct);
        if (t is not null) return (ArticleFilter.None, t);
        var (authors, a) = await IdsAsync("author", author, w => db.Authors.Where(x => w.Contains(x.Slug)).Select(x => new SlugId(x.Slug, x.Id)), ct);
        if (a is not null) return (ArticleFilter.None, a);
        return (new ArticleFilter(categories, tags, authors), null);
    }

    private sealed record SlugId(string Slug, int Id);

    private static async Task<(IdSet Ids, string? Problem)> IdsAsync(string name, SlugSet slugs, Func<List<string>, IQueryable<SlugId>> named, CancellationToken ct)
    {
        if (slugs.IsEmpty) return (IdSet.Any, null);
        var wanted = slugs.Include.Concat(slugs.Exclude).Distinct().ToList();
        var found = await named(wanted).ToDictionaryAsync(x => x.Slug, x => x.Id, ct);
        if (wanted.FirstOrDefault(s => !found.ContainsKey(s)) is { } missing) return (IdSet.Any, $"There is no {name} “{missing}”.");
        return (new IdSet(slugs.Include.Select(s => found[s]).ToList(), slugs.Exclude.Select(s => found[s]).ToList()), null);
    }
}
