using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>
/// Tells a reader someone answered them: a row for /notifications and the header's unread
/// count, and a mail when they asked for one. Called when a reply becomes visible (posted, or
/// approved by a moderator), never for a held one, nor for replying to yourself.
/// </summary>
public sealed class ReplyNotifier(BroadsheetDb db, AccountMail mail, TimeProvider clock, ILogger<ReplyNotifier> log)
{
    public async Task NotifyAsync(long replyId, CancellationToken ct)
    {
        var target = await (
            from reply in db.Comments
            where reply.Id == replyId && reply.Status == CommentStatus.Visible
            join parent in db.Comments on reply.ParentId equals parent.Id
            where parent.Status == CommentStatus.Visible && parent.UserId != null && parent.UserId != reply.UserId
            join owner in db.Users on parent.UserId equals owner.Id
            join article in db.Articles on reply.ArticleId equals article.Id
            select new
            {
                OwnerId = owner.Id, owner.Email, owner.EmailConfirmed, owner.EmailOnReply, owner.DisplayName,
                Replier = db.Users.Where(u => u.Id == reply.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                article.Slug, article.Title,
            }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (target is null) return;

        var note = db.Notifications.Add(new Notification { UserId = target.OwnerId, CommentId = replyId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // UNIQUE (UserId, CommentId): this reply was announced already.
            note.State = EntityState.Detached;
            return;
        }

        if (!target.EmailOnReply || !target.EmailConfirmed || string.IsNullOrEmpty(target.Email)) return;
        var replier = target.Replier ?? AccountDeletion.DeletedName;
        var link = mail.Absolute($"{Broadsheet.Articles.Companion.ReaderPath(target.Slug)}/comments#comment-{replyId}");
        try
        {
            await mail.ReplyAsync(target.Email, target.DisplayName, replier, target.Title, link, mail.Absolute("/account#replies-h"), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reply is posted and the on-site notification made; a mail server hiccup must not undo either.
            log.LogWarning(ex, "Reply mail for comment {CommentId} to user {UserId} could not be sent", replyId, target.OwnerId);
        }
    }
}
