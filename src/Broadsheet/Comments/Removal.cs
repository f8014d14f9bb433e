using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>
/// Taking a comment out of its thread, by its author or a moderator. One with replies stays as
/// "[deleted]" (body gone, place kept) so the replies keep their context; one without is removed
/// with its votes, reports and notifications. Runs inside the caller's transaction.
/// </summary>
internal static class Removal
{
    /// <summary>True: kept as "[deleted]"; false: removed; null: there was no such comment.</summary>
    public static async Task<bool?> RemoveAsync(BroadsheetDb db, long commentId, DateTime now, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.ParentId }).FirstOrDefaultAsync(ct);
        if (comment is null) return null;
        if (await db.Comments.AnyAsync(c => c.ParentId == commentId, ct))
        {
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CommentStatus.Deleted)
                .SetProperty(c => c.BodyMarkdown, "")
                .SetProperty(c => c.BodyHtml, ""), ct);
            // Nothing left to read: no "someone replied" pointing at it, no report waiting on it.
            await db.Notifications.Where(n => n.CommentId == commentId).ExecuteDeleteAsync(ct);
            await db.CommentReports.Where(r => r.CommentId == commentId && r.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
            return true;
        }

        await db.Comments.Where(c => c.Id == commentId).ExecuteDeleteAsync(ct);
        // A "[deleted]" parent whose last reply just went holds nothing in place any more.
        var parentId = comment.ParentId;
        while (parentId is long id)
        {
            var parent = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Status, c.ParentId }).FirstOrDefaultAsync(ct);
            if (parent is null || parent.Status != CommentStatus.Deleted || await db.Comments.AnyAsync(c => c.ParentId == id, ct)) break;
            await db.Comments.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
            parentId = parent.ParentId;
        }
        return false;
    }
}
