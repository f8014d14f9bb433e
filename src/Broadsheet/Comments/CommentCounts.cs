using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Comments;

/// <summary>
/// Article.CommentCount is recomputed from the visible comments, never added to, inside the
/// transaction that changed them. The transaction first takes the article row with a no-op
/// UPDATE, so on PostgreSQL (READ COMMITTED) concurrent changes to one thread queue behind each
/// other and the last count sees every commit; SQLite's writer lock does the same by itself.
/// </summary>
public static class CommentCounts
{
    public static Task LockArticleAsync(BroadsheetDb db, int articleId, CancellationToken ct) =>
        db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentCount, a => a.CommentCount), ct);

    public static Task RecountAsync(BroadsheetDb db, int articleId, CancellationToken ct) =>
        db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentCount,
            a => db.Set<Comment>().Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Visible)), ct);

    /// <summary>After the commit: the count feeds the stored hotness that "Trending" walks.</summary>
    public static Task RefreshHotnessAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct) =>
        HotnessRefresh.RunAsync(db, articleIds, now, ct);
}
