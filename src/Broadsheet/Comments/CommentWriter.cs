using Broadsheet.Audit;
using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Comments;

/// <summary>Who is acting: their account, and whether they are an editor or admin.</summary>
/// <summary>Who acts: moderators (editors, admins) may remove others' comments; staff (authors too) are never held for moderation.</summary>
public sealed record Actor(int UserId, bool IsModerator, bool IsStaff);

/// <summary>What the comment rules need to know of a reader's account.</summary>
public sealed record Standing(DateTime JoinedAt, DateTime? BannedUntil, string? BanReason = null)
{
    public bool IsBanned(DateTime now) => BannedUntil is { } until && until > now;

    public static Task<Standing?> OfAsync(BroadsheetDb db, int userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new Standing(u.JoinedAt, u.BannedUntil, u.BanReason)).FirstOrDefaultAsync(ct);
}

/// <summary>Posting, editing and deleting comments, each check in the order a reader would want to hear it.</summary>
public sealed class CommentWriter(BroadsheetDb db, IOptionsMonitor<CommentOptions> options, ReplyNotifier notifier,
    AuditLog audit, TimeProvider clock, ILogger<CommentWriter> log)
{
    public static readonly Refusal EditWindowPassed =
        Refusal.Forbidden($"Comments can be edited for {CommentRules.EditWindow.TotalMinutes:0} minutes after posting; this one can no longer be changed.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(Comment? Posted, Refusal? Refusal)> PostAsync(ArticleRef article, Actor actor, long? parentId, string? text, CancellationToken ct)
    {
        var now = Now;
        var settings = options.CurrentValue;
        var body = CommentRules.Normalize(text);
        if (CommentRules.CheckText(body) is { } bad) return (null, Refusal.Invalid(bad));
        var standing = await Standing.OfAsync(db, actor.UserId, ct);
        if (standing is null) return (null, Refusal.Forbidden("Sign in again to comment."));
        if (standing.IsBanned(now)) return (null, Refusal.Banned(standing.BannedUntil!.Value, standing.BanReason));
        if (CommentRules.IsClosed(article.CommentsClosed, article.PublishedAt, now, settings.CloseAfterDays)) return (null, Refusal.Closed);
        if (parentId is long pid)
        {
            var parent = await db.Comments.AsNoTracking().Where(c => c.Id == pid && c.ArticleId == article.Id)
                .Select(c => new { c.Status, c.UserId }).FirstOrDefaultAsync(ct);
            var canSee = parent is not null && (parent.Status == CommentStatus.Visible || parent.Status == CommentStatus.Held && parent.UserId == actor.UserId);
            if (!canSee) return (null, Refusal.Gone("The comment you replied to is not there any more."));
        }
        if (CommentRules.CheckLinks(CommentMarkdown.CountLinks(body), standing.JoinedAt, now, settings.NewAccountDays) is { } links)
            return (null, Refusal.Invalid(links));
        var html = CommentMarkdown.ToSafeHtml(body);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CommentCounts.LockArticleAsync(db, article.Id, ct);
        // Inside the article lock, so two copies of one post racing each other cannot both pass.
        var since = now - CommentRules.DuplicateWindow;
        if (await db.Comments.AnyAsync(c => c.ArticleId == article.Id && c.UserId == actor.UserId && c.CreatedAt > since && c.BodyMarkdown == body, ct))
            return (null, Refusal.Invalid("You have just posted this comment here. It is in the thread already."));
        var approved = settings.Moderation == ModerationPolicy.FirstComment
            && await db.Comments.AnyAsync(c => c.UserId == actor.UserId && c.Status == CommentStatus.Visible, ct);
        var comment = new Comment
        {
            ArticleId = article.Id, ParentId = parentId, UserId = actor.UserId, BodyMarkdown = body, BodyHtml = html, CreatedAt = now,
            Status = CommentRules.InitialStatus(settings.Moderation, actor.IsStaff, approved),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        if (CommentRules.IsCounted(comment.Status)) await CommentCounts.RecountAsync(db, article.Id, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();

        log.LogInformation("Comment {CommentId} by user {UserId} on article {ArticleId}: {Status}", comment.Id, actor.UserId, article.Id, comment.Status);
        if (CommentRules.IsCounted(comment.Status))
        {
            await CommentCounts.RefreshHotnessAsync(db, [article.Id], now, ct);
            if (parentId is not null) await notifier.NotifyAsync(comment.Id, ct);
        }
        return (comment, null);
    }

    /// <summary>The author's own change, within the edit window; the comment then shows "edited".</summary>
    public async Task<(Comment? Edited, Refusal? Refusal)> EditAsync(long commentId, Actor actor, string? text, CancellationToken ct)
    {
        var now = Now;
        var settings = options.CurrentValue;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.Status is not (CommentStatus.Visible or CommentStatus.Held)) return (null, Refusal.Gone());
        if (comment.UserId != actor.UserId) return (null, Refusal.Forbidden("You can only edit your own comments."));
        if (!CommentRules.CanEdit(comment.Status, comment.UserId, actor.UserId, comment.CreatedAt, now)) return (null, EditWindowPassed);
        var standing = await Standing.OfAsync(db, actor.UserId, ct);
        if (standing is null) return (null, Refusal.Forbidden("Sign in again to edit."));
        if (standing.IsBanned(now)) return (null, Refusal.Banned(standing.BannedUntil!.Value, standing.BanReason));
        var article = await ThreadQuery.LiveArticleAsync(db, comment.ArticleId, now, ct);
        if (article is null) return (null, Refusal.Gone());
        if (CommentRules.IsClosed(article.CommentsClosed, article.PublishedAt, now, settings.CloseAfterDays)) return (null, Refusal.Closed);
        var body = CommentRules.Normalize(text);
        if (CommentRules.CheckText(body) is { } bad) return (null, Refusal.Invalid(bad));
        if (CommentRules.CheckLinks(CommentMarkdown.CountLinks(body), standing.JoinedAt, now, settings.NewAccountDays) is { } links)
            return (null, Refusal.Invalid(links));
        if (body == comment.BodyMarkdown) return (comment, null);
        comment.BodyMarkdown = body;
        comment.BodyHtml = CommentMarkdown.ToSafeHtml(body);
        comment.EditedAt = now;
        await db.SaveChangesAsync(ct);
        return (comment, null);
    }

    /// <summary>
    /// The author deletes their comment (a moderator: any comment). Returns whether it stays as
    /// "[deleted]" (it has replies) or was removed. A moderator taking down someone else's comment
    /// is moderation, whichever page they pressed it on, so it is audited here, in the same
    /// transaction as the removal (the moderation queue's delete is audited by <see cref="Moderation"/>).
    /// </summary>
    public async Task<(bool? KeptAsPlaceholder, Refusal? Refusal)> DeleteAsync(long commentId, Actor actor, CancellationToken ct)
    {
        var found = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.ArticleId, c.UserId, c.Status }).FirstOrDefaultAsync(ct);
        if (found is null || found.Status is CommentStatus.Deleted or CommentStatus.Rejected && !actor.IsModerator) return (null, Refusal.Gone());
        if (found.UserId != actor.UserId && !actor.IsModerator) return (null, Refusal.Forbidden("You can only delete your own comments."));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CommentCounts.LockArticleAsync(db, found.ArticleId, ct);
        var kept = await Removal.RemoveAsync(db, commentId, Now, ct);
        await CommentCounts.RecountAsync(db, found.ArticleId, ct);
        if (kept is not null && found.UserId != actor.UserId)
        {
            var title = await db.Articles.Where(a => a.Id == found.ArticleId).Select(a => a.Title).FirstOrDefaultAsync(ct) ?? "";
            await audit.AddAsync(actor.UserId, "comment.delete", "comment", $"{commentId}", $"Deleted comment {commentId} on \u201c{title}\u201d", ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (kept is null) return (null, Refusal.Gone());
        log.LogInformation("Comment {CommentId} deleted by user {UserId} ({Outcome})", commentId, actor.UserId, kept.Value ? "kept as [deleted]" : "removed");
        await CommentCounts.RefreshHotnessAsync(db, [found.ArticleId], Now, ct);
        return (kept, null);
    }
}
