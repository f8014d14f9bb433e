using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// /newsroom/articles/{id}/bylines (issue 24): editors add co-authors (any byline with a page) and
/// guests (a name and an optional link, no account) after the story's first author, move them up
/// and down and remove them. One button per change, so it works without JavaScript. Each change
/// rewrites the positions 1..n, moves the story's modified time (feeds and sitemaps say it
/// changed), writes an audit entry and evicts the cached pages, the co-authors' pages among them.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class BylinesModel(BroadsheetDb db, ArticleDesk desk, AuditLog audit, IOutputCacheStore cache) : PageModel
{
    public const int MaxExtra = 10;

    public Article Article { get; private set; } = null!;
    public List<(int Id, string Name)> Choices { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }
    public string GuestName { get; private set; } = "";
    public string GuestUrl { get; private set; } = "";
    /// <summary>The names after the first as loaded, for the audit entry.</summary>
    private string Before { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Notice = done is null ? null : "Saved: the story's byline reads as listed here.";
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int? author, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (author is not int authorId || !await db.Authors.AnyAsync(a => a.Id == authorId, ct)) return await RefuseAsync("Choose a byline to add.", ct);
        if (authorId == Article.AuthorId || Article.Bylines.Any(b => b.AuthorId == authorId)) return await RefuseAsync("That byline is already on the story.", ct);
        if (Article.Bylines.Count >= MaxExtra) return await RefuseAsync($"A story has at most {MaxExtra + 1} names on its byline.", ct);
        Article.Bylines.Add(new ArticleByline { ArticleId = id, Position = Article.Bylines.Count + 1, AuthorId = authorId });
        return await SaveAsync(ct);
    }

    public async Task<IActionResult> OnPostGuestAsync(int id, string? name, string? url, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (GuestName, GuestUrl) = ((name ?? "").Trim(), (url ?? "").Trim());
        if (GuestName.Length is 0 or > ArticleByline.GuestNameMax) return await RefuseAsync($"Give the guest's name in 1 to {ArticleByline.GuestNameMax} characters.", ct);
        if (GuestUrl.Length > 0 && !IsWebAddress(GuestUrl)) return await RefuseAsync($"The guest's link must be a web address starting with https:// or http://, up to {ArticleByline.GuestUrlMax} characters.", ct);
        if (Article.Bylines.Count >= MaxExtra) return await RefuseAsync($"A story has at most {MaxExtra + 1} names on its byline.", ct);
        Article.Bylines.Add(new ArticleByline { ArticleId = id, Position = Article.Bylines.Count + 1, GuestName = GuestName, GuestUrl = GuestUrl.Length > 0 ? GuestUrl : null });
        return await SaveAsync(ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int position, string? direction, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var list = Ordered();
        var at = list.FindIndex(b => b.Position == position);
        var to = direction == "up" ? at - 1 : direction == "down" ? at + 1 : -1;
        if (at < 0 || to < 0 || to >= list.Count) return await RefuseAsync("That name cannot move that way.", ct);
        (list[at], list[to]) = (list[to], list[at]);
        return await SaveAsync(ct, list);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int position, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var list = Ordered();
        if (list.FindIndex(b => b.Position == position) is var at && at < 0) return NotFound();
        list.RemoveAt(at);
        return await SaveAsync(ct, list);
    }

    public static bool IsWebAddress(string url) =>
        url.Length <= ArticleByline.GuestUrlMax && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && !url.Contains(' ');

    private List<ArticleByline> Ordered() => [.. Article.Bylines.OrderBy(b => b.Position)];

    /// <summary>
    /// Positions are a key, so a new order is written as fresh rows (delete, then insert 1..n) in one
    /// transaction, with the story's modified time and the audit entry; then every cached page goes.
    /// </summary>
    private async Task<IActionResult> SaveAsync(CancellationToken ct, List<ArticleByline>? order = null)
    {
        var list = order ?? Ordered();
        var fresh = list.Select((b, i) => new ArticleByline { ArticleId = Article.Id, Position = i + 1, AuthorId = b.AuthorId, GuestName = b.GuestName, GuestUrl = b.GuestUrl }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Taken out of the collection, the old rows are orphans EF deletes (a new one, never saved, is just dropped).
        Article.Bylines.Clear();
        await db.SaveChangesAsync(ct);
        Article.Bylines.AddRange(fresh);
        Article.UpdatedAt = desk.Now;
        var ids = fresh.Where(b => b.AuthorId is not null).Select(b => b.AuthorId!.Value).ToList();
        var known = await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var after = string.Join(", ", fresh.Select(b => b.AuthorId is int a ? known.GetValueOrDefault(a, $"#{a}") : $"{b.GuestName} (guest)"));
        audit.Add(User, "article.bylines", "article", Article.Id.ToString(), $"\"{Article.Title}\": after {Article.Author.DisplayName}, was [{Before}], now [{after}].");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await cache.ContentChangedAsync(ct);
        return Redirect($"/newsroom/articles/{Article.Id}/bylines?done=1");
    }

    private static string Names(IEnumerable<ArticleByline> list) =>
        string.Join(", ", list.OrderBy(b => b.Position).Select(b => b.Author is { } a ? a.DisplayName : $"{b.GuestName} (guest)"));

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await ChoicesAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Author).Include(a => a.Bylines).ThenInclude(b => b.Author)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return false;
        Article = article;
        Before = Names(article.Bylines);
        await ChoicesAsync(ct);
        return true;
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var taken = Article.Bylines.Where(b => b.AuthorId is not null).Select(b => b.AuthorId!.Value).Append(Article.AuthorId).ToList();
        Choices = (await db.Authors.AsNoTracking().Where(a => !taken.Contains(a.Id)).OrderBy(a => a.DisplayName).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.DisplayName }).ToListAsync(ct)).Select(a => (a.Id, a.DisplayName)).ToList();
    }
}
