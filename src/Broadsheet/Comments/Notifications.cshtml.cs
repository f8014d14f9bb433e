using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>One "someone replied to you", with where to read it.</summary>
public sealed record NotificationItem(long CommentId, string Replier, string ArticleSlug, string ArticleTitle, string BodyHtml, DateTime CreatedAt, bool Unread)
{
    public string Link => $"{Broadsheet.Articles.Companion.ReaderPath(ArticleSlug)}/comments#comment-{CommentId}";
}

/// <summary>
/// /notifications: replies to the reader's comments, newest first. Reading the list changes
/// nothing (a GET never does); "Mark all as read" is a POST.
/// </summary>
[Authorize]
[NeverStored]
public sealed class NotificationsModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    public const int Shown = 50;

    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        Items = await (
            from n in db.Notifications.AsNoTracking()
            where n.UserId == userId
            join c in db.Comments on n.CommentId equals c.Id
            where c.Status == CommentStatus.Visible
            join a in db.Articles on c.ArticleId equals a.Id
            join u in db.Users on c.UserId equals u.Id into repliers
            from u in repliers.DefaultIfEmpty()
            orderby n.CreatedAt descending, n.Id descending
            select new NotificationItem(c.Id, u == null ? c.GuestName ?? AccountDeletion.DeletedName : u.DisplayName, a.Slug, a.Title, c.BodyHtml, n.CreatedAt, n.ReadAt == null))
            .Take(Shown).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, Now), ct);
        return RedirectToPage();
    }

    /// <summary>
    /// The header's count: an indexed count of one reader's unread rows. The error page shares the
    /// layout and must render while the database is down, so a failure shows no count, not an error.
    /// </summary>
    /// <summary>
    /// The same count as a shared page's header hole reads it, in one statement with the page's
    /// other holes (Caching/HoleReads): the count in n0, on the (UserId, ReadAt) index.
    /// </summary>
    public static Caching.HoleRead UnreadRead(int userId) => new(
        """SELECT COUNT(*) AS n0, 0 AS n1, 0 AS n2, 0 AS n3, 0 AS n4, NULL AS t FROM "Notifications" WHERE "UserId" = {0} AND "ReadAt" IS NULL""",
        userId);

    public static async Task<int> UnreadAsync(BroadsheetDb db, int userId, ILogger log, CancellationToken ct = default)
    {
        try
        {
            return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Unread notifications could not be counted for user {UserId}", userId);
            return 0;
        }
    }
}
