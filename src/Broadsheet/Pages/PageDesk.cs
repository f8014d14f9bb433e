using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Audit;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Broadsheet.Pages;

/// <summary>
/// Every change to a page goes through here: stored with its audit entry in one SaveChanges,
/// then the cached pages and the navigation (which lists pages) are dropped, so readers see it.
/// A published page that changes slug leaves a redirect at its old address.
/// </summary>
public sealed class PageDesk(BroadsheetDb db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    public static string PathOf(string slug) => $"/pages/{slug}";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Page?> FindAsync(int id, CancellationToken ct) => db.Pages.FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Copies the form onto the page; returns what is wrong (nothing is changed then).</summary>
    public async Task<List<string>> ApplyAsync(Page page, PageInput input, CancellationToken ct)
    {
        var errors = input.Problems();
        if (errors.Count > 0) return errors;
        if (await db.Pages.AnyAsync(p => p.Slug == input.Slug && p.Id != page.Id, ct))
            return [$"The address {PathOf(input.Slug!)} is taken by another page. Choose another slug."];
        var oldSlug = page.Id == 0 ? null : page.Slug;
        page.Title = input.Title;
        page.Slug = input.Slug!;
        page.SetBody(input.Body);
        page.Description = (input.Description ?? "").Trim();
        (page.InMenu, page.InFooter, page.Position) = (input.InMenu, input.InFooter, input.Position);
        (page.AllowComments, page.AllowVotes, page.CountViews) = (input.AllowComments, input.AllowVotes, input.CountViews);
        return await SyncCompanionAsync(page, oldSlug, ct) is { } problem ? [problem] : [];
    }

    /// <summary>
    /// Keeps the page's hidden companion article (Articles/Companion) in step, saved with the page:
    /// made the first time a flag is on, then its title, slug and open flags follow the page. Turned
    /// off, it stays (closed), so turning comments on again brings the thread back.
    /// </summary>
    private async Task<string?> SyncCompanionAsync(Page page, string? oldSlug, CancellationToken ct)
    {
        var key = Companion.SlugFor(oldSlug ?? page.Slug);
        var companion = await db.Articles.FirstOrDefaultAsync(a => a.Status == ArticleStatus.Companion && a.Slug == key, ct);
        if (companion is null)
        {
            if (!page.AllowComments && !page.AllowVotes && !page.CountViews) return null;
            // An article needs a section and a byline; neither is ever shown for a companion.
            var category = await db.Categories.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            var author = await db.Authors.OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (category is null || author is null)
                return "Votes, views and comments on a page need at least one section and one author on the site first.";
            companion = new Article { Title = page.Title, Slug = key, Status = ArticleStatus.Companion, CategoryId = category.Value, AuthorId = author.Value };
            db.Articles.Add(companion);
        }
        companion.Slug = Companion.SlugFor(page.Slug);
        companion.Title = page.Title;
        (companion.CommentsClosed, companion.VotesClosed) = (!page.AllowComments, !page.AllowVotes);
        companion.UpdatedAt = Now;
        return null;
    }

    /// <summary>Stores the page; false when its slug was taken in the meantime (the unique index said so).</summary>
    public async Task<bool> CommitAsync(Page page, ClaimsPrincipal user, string? auditAction, string? oldSlug, bool wasLive, CancellationToken ct)
    {
        page.UpdatedAt = Now;
        if (page.Id == 0)
        {
            page.CreatedAt = Now;
            db.Pages.Add(page);
        }
        (page.AuthorUserId, page.AuthorName) = (user.UserId(), user.DisplayName());
        if (wasLive && oldSlug is not null && oldSlug != page.Slug) await Redirects.MoveAsync(db, PathOf(oldSlug), PathOf(page.Slug), Now, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct); // a new page needs its id before the audit entry names it
        }
        catch (DbUpdateException ex) when (!DatabaseUnavailable.Is(ex)) // an outage is a 503, not "slug taken"
        {
            return false;
        }
        if (auditAction is not null) audit.Add(user, auditAction, "page", page.Id.ToString(), $"\"{page.Title}\" ({PathOf(page.Slug)}) is now {page.Status.ToString().ToLowerInvariant()}.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await cache.ContentChangedAsync(ct); // also drops the navigation's copy (IContentCopy)
        return true;
    }

    public async Task DeleteAsync(Page page, ClaimsPrincipal user, CancellationToken ct)
    {
        db.Pages.Remove(page);
        // Its companion is kept with its comments and votes (replies cannot be cascaded away), closed and
        // moved to a slug no address reaches ("--" is never in a page's slug), so a new page with the
        // same address starts with nothing.
        var key = Companion.SlugFor(page.Slug);
        if (await db.Articles.FirstOrDefaultAsync(a => a.Status == ArticleStatus.Companion && a.Slug == key, ct) is { } companion)
            (companion.Slug, companion.CommentsClosed, companion.VotesClosed) = ($"{key}--{companion.Id}", true, true);
        audit.Add(user, "page.delete", "page", page.Id.ToString(), $"\"{page.Title}\" ({PathOf(page.Slug)}) deleted.");
        await db.SaveChangesAsync(ct);
        await cache.ContentChangedAsync(ct);
    }
}
