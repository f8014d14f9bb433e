using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>A reader flags a comment for the moderators, with their reason. One report per reader per comment.</summary>
public sealed class CommentReports(BroadsheetDb db, TimeProvider clock, ILogger<CommentReports> log)
{
    public const string Thanks = "Thank you. A moderator will look at this comment.";
    public const string Already = "You have reported this comment already. A moderator will look at it.";

    /// <summary>The notice to show, or why not.</summary>
    public async Task<(string? Notice, Refusal? Refusal)> ReportAsync(long commentId, int userId, string? reason, CancellationToken ct)
    {
        var status = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => (CommentStatus?)c.Status).FirstOrDefaultAsync(ct);
        if (status != CommentStatus.Visible) return (null, Refusal.Gone());
        var text = CommentRules.Normalize(reason);
        if (CommentRules.CheckReason(text) is { } bad) return (null, Refusal.Invalid(bad));
        if (await db.CommentReports.AnyAsync(r => r.CommentId == commentId && r.UserId == userId, ct)) return (Already, null);

        var report = db.CommentReports.Add(new CommentReport { CommentId = commentId, UserId = userId, Reason = text, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // UNIQUE (CommentId, UserId) refused a twin from a concurrent request: reported already.
            report.State = EntityState.Detached;
            if (!await db.CommentReports.AnyAsync(r => r.CommentId == commentId && r.UserId == userId, ct)) throw;
            return (Already, null);
        }
        log.LogInformation("Comment {CommentId} reported by user {UserId}", commentId, userId);
        return (Thanks, null);
    }
}
