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
        page.Title = input.Title;
        page.Slug = input.Slug!;
        page.SetBody(input.Body);
        page.Description = (input.Description ?? "").Trim();
        (page.InMenu, page.InFooter, page.Position) = (input.InMenu, input.InFooter, input.Position);
        (page.AllowComments, page.AllowVotes) = (input.AllowComments, input.AllowVotes);
        return [];
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
        audit.Add(user, "page.delete", "page", page.Id.ToString(), $"\"{page.Title}\" ({PathOf(page.Slug)}) deleted.");
        await db.SaveChangesAsync(ct);
        await cache.ContentChangedAsync(ct);
    }
}
