using Broadsheet.Media;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Api;

/// <summary>The filters of the article list, already resolved to ids.</summary>
public sealed record ArticleFilter(int? CategoryId, int? TagId, int? AuthorId, DateTime? From, DateTime? To);

/// <summary>
/// The Content API's reads. Only live articles ever leave here (<see cref="ArticleQueries.Live"/>),
/// and links are absolute, on the configured origin (<see cref="SiteOrigin"/>).
/// </summary>
public sealed class ApiContent(BroadsheetDb db, TimeProvider clock, SiteOrigin origin)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string BaseUrl => origin.Value;

    private IQueryable<Article> Live => db.Articles.AsNoTracking().Live(Now);

    public async Task<(List<ApiArticle> Items, int Total)> ArticlesAsync(ArticleFilter f, int skip, int take, bool html, CancellationToken ct)
    {
        var q = Live;
        if (f.CategoryId is int c) q = q.Where(a => a.CategoryId == c);
        if (f.AuthorId is int au) q = q.Where(a => a.AuthorId == au);
        if (f.TagId is int t) q = q.Where(a => a.Tags.Any(x => x.Id == t));
        if (f.From is { } from) q = q.Where(a => a.PublishedAt >= from);
        if (f.To is { } to) q = q.Where(a => a.PublishedAt < to);
        var total = await q.CountAsync(ct);
        var items = total <= skip ? [] : await ProjectAsync(q.Newest().Skip(skip).Take(take), html, ct);
        return (items, total);
    }

    public async Task<ApiArticle?> ArticleAsync(string slug, CancellationToken ct) =>
        (await ProjectAsync(Live.Where(a => a.Slug == slug), html: true, ct)).FirstOrDefault();

    /// <summary>Articles by id, in the order given (search rank).</summary>
    public async Task<List<ApiArticle>> ArticlesByIdAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = (await ProjectAsync(Live.Where(a => ids.Contains(a.Id)), html: false, ct)).ToDictionary(a => a.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private async Task<List<ApiArticle>> ProjectAsync(IQueryable<Article> q, bool html, CancellationToken ct)
    {
        var rows = await q.Select(a => new
        {
            a.Id, a.Slug, a.Title, a.Standfirst, a.PublishedAt, a.UpdatedAt, a.ReadingMinutes,
            Category = new ApiTerm(a.Category.Slug, a.Category.Name),
            Author = new ApiTerm(a.Author.Slug, a.Author.DisplayName),
            Tags = a.Tags.OrderBy(t => t.Name).Select(t => new ApiTerm(t.Slug, t.Name)).ToList(),
            a.ImagePath, a.ImageAlt, a.ImageCaption, a.ImageWidth, a.ImageHeight,
            Counts = new ApiCounts(a.ViewCount, a.Upvotes, a.Downvotes, a.CommentCount),
            Html = html ? a.BodyHtml : null,
        }).AsSplitQuery().ToListAsync(ct);
        var baseUrl = BaseUrl;
        return rows.Select(r => new ApiArticle(
            r.Id, r.Slug, r.Title, r.Standfirst, $"{baseUrl}/articles/{r.Slug}", r.PublishedAt!.Value, r.UpdatedAt, r.ReadingMinutes,
            r.Category, r.Author, r.Tags,
            r.ImagePath is null ? null : new ApiImage($"{baseUrl}{MediaFolder.UrlPrefix}/{r.ImagePath}", r.ImageAlt, r.ImageCaption, r.ImageWidth, r.ImageHeight),
            r.Counts, r.Html)).ToList();
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
        var used = db.Authors.AsNoTracking().Where(au => live.Any(a => a.AuthorId == au.Id));
        var total = await used.CountAsync(ct);
        var rows = await used.OrderBy(au => au.DisplayName).ThenBy(au => au.Id).Skip(skip).Take(take)
            .Select(au => new { au.Slug, au.DisplayName, au.Bio, Count = live.Count(a => a.AuthorId == au.Id) }).ToListAsync(ct);
        return (rows.Select(r => new ApiAuthor(r.Slug, r.DisplayName, r.Bio, $"{baseUrl}/author/{r.Slug}", r.Count)).ToList(), total);
    }

    /// <summary>Resolves the slug filters to ids; names the first that matches nothing.</summary>
    public async Task<(int? Category, int? Tag, int? Author, string? Problem)> ResolveAsync(string? category, string? tag, string? author, CancellationToken ct)
    {
        int? c = null, t = null, a = null;
        if (category is not null && (c = await db.Categories.Where(x => x.Slug == category).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)) is null)
            return (null, null, null, $"There is no category “{category}”.");
        if (tag is not null && (t = await db.Tags.Where(x => x.Slug == tag).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)) is null)
            return (null, null, null, $"There is no tag “{tag}”.");
        if (author is not null && (a = await db.Authors.Where(x => x.Slug == author).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)) is null)
            return (null, null, null, $"There is no author “{author}”.");
        return (c, t, a, null);
    }
}
