using Broadsheet.Data.Identity;
using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using System.Security.Claims;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

public enum ModerationAction { Approve, Reject, Delete }

/// <summary>A comment waiting for a moderator: held by the policy, reported by readers, or both.</summary>
public sealed record QueueItem(
    long Id, string ArticleSlug, string ArticleTitle, int? AuthorId, string? AuthorName, string BodyHtml, CommentStatus Status, DateTime CreatedAt,
    IReadOnlyList<string> Reasons, bool AuthorIsStaff = false);

/// <summary>
/// The moderators' side: what waits for them, and approving, rejecting or deleting in bulk.
/// Approving resolves a comment's reports (it stays) and shows a held one; rejecting hides it
/// from everyone; deleting works as the author's delete. Every change takes its articles'
/// rows first and recounts them, like any other comment change. Each comment changed gets an
/// audit entry, saved in the same transaction as the change. A moderator's decision shows at
/// once on every instance (the cache is evicted), unlike a new comment, which readers see
/// within the page lifetime.
/// </summary>
public sealed class Moderation(BroadsheetDb db, ReplyNotifier notifier, AuditLog audit, TimeProvider clock, IOutputCacheStore pages, ILogger<Moderation> log)
{
    public const int QueueSize = 100;
    public const int MaxBatch = 200;

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken ct)
    {
        var reported = db.CommentReports.Where(r => r.ResolvedAt == null).Select(r => r.CommentId);
        // The queue offers no ban for staff: a newsroom member's role is changed on /newsroom/users instead.
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Author || r.Name == Roles.Editor || r.Name == Roles.Admin).Select(r => r.Id);
        var rows = await (
            from c in db.Comments.AsNoTracking()
            where c.Status == CommentStatus.Held || (c.Status == CommentStatus.Visible && reported.Contains(c.Id))
            join a in db.Articles on c.ArticleId equals a.Id
            join u in db.Users on c.UserId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby c.CreatedAt, c.Id
            select new { c.Id, a.Slug, a.Title, c.UserId, Name = u == null ? c.GuestName : u.DisplayName, c.BodyHtml, c.Status, c.CreatedAt,
                Staff = db.UserRoles.Any(ur => ur.UserId == c.UserId && staffRoles.Contains(ur.RoleId)) })
            .Take(QueueSize).ToListAsync(ct);
        long[] ids = [.. rows.Select(r => r.Id)];
        var reasons = (await db.CommentReports.AsNoTracking().Where(r => r.ResolvedAt == null && ids.Contains(r.CommentId))
                .OrderBy(r => r.CreatedAt).Select(r => new { r.CommentId, r.Reason }).ToListAsync(ct))
            .ToLookup(r => r.CommentId, r => r.Reason);
        return [.. rows.Select(r => new QueueItem(r.Id, r.Slug, r.Title, r.UserId, r.Name, r.BodyHtml, r.Status, r.CreatedAt, [.. reasons[r.Id]], r.Staff))];
    }

    /// <summary>Applies the action to each comment that is still there; returns how many it changed.</summary>
    public async Task<int> ApplyAsync(ModerationAction action, IReadOnlyCollection<long> ids, ClaimsPrincipal moderator, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        long[] wanted = [.. ids.Distinct().Take(MaxBatch)];
        var found = await db.Comments.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.ArticleId, c.Status, c.ParentId, Article = db.Set<Article>().Where(a => a.Id == c.ArticleId).Select(a => a.Title).FirstOrDefault() })
            .ToListAsync(ct);
        if (found.Count == 0) return 0;
        int[] articles = [.. found.Select(c => c.ArticleId).Distinct().Order()];
        var shown = new List<long>();
        var changed = 0;
        void Audit(long id, string title, string done) =>
            audit.Add(moderator, $"comment.{action.ToString().ToLowerInvariant()}", "comment", $"{id}", $"{done} comment {id} on \u201c{title}\u201d");

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Always in id order, so two moderators' batches cannot wait on each other in a circle.
            foreach (var articleId in articles) await CommentCounts.LockArticleAsync(db, articleId, ct);
            foreach (var c in found)
            {
                var resolve = db.CommentReports.Where(r => r.CommentId == c.Id && r.ResolvedAt == null);
                switch (action)
                {
                    case ModerationAction.Approve when c.Status is CommentStatus.Held or CommentStatus.Visible:
                        if (c.Status == CommentStatus.Held)
                        {
                            await db.Comments.Where(x => x.Id == c.Id && x.Status == CommentStatus.Held)
                                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, CommentStatus.Visible), ct);
                            if (c.ParentId is not null) shown.Add(c.Id);
                        }
                        await resolve.ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
                        Audit(c.Id, c.Article ?? "", c.Status == CommentStatus.Held ? "Approved held" : "Kept reported");
                        changed++;
                        break;
                    case ModerationAction.Reject when c.Status is CommentStatus.Held or CommentStatus.Visible:
                        await db.Comments.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, CommentStatus.Rejected), ct);
                        await db.Notifications.Where(n => n.CommentId == c.Id).ExecuteDeleteAsync(ct);
                        await resolve.ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
                        Audit(c.Id, c.Article ?? "", "Rejected");
                        changed++;
                        break;
                    case ModerationAction.Delete:
                        if (await Removal.RemoveAsync(db, c.Id, now, ct) is null) break;
                        Audit(c.Id, c.Article ?? "", "Deleted");
                        changed++;
                        break;
                }
            }
            foreach (var articleId in articles) await CommentCounts.RecountAsync(db, articleId, ct);
            await db.SaveChangesAsync(ct); // the audit entries, inside the same transaction
            await tx.CommitAsync(ct);
        }

        log.LogInformation("Moderator {UserId}: {Action} on {Count} comments", Accounts.ClaimsPrincipalExtensions.UserId(moderator), action, changed);
        await CommentCounts.RefreshHotnessAsync(db, articles, now, ct);
        if (changed > 0) await pages.ContentChangedAsync(ct);
        foreach (var id in shown) await notifier.NotifyAsync(id, ct);
        return changed;
    }
}
