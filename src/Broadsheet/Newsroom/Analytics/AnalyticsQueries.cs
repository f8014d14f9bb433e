using Broadsheet.Votes;
using Broadsheet.Views;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Analytics;

public sealed record TopArticle(int Id, string Title, string Slug, long Views);
/// <summary>A titled top list, as the page shows it.</summary>
public sealed record TopArticleList(string Id, string Title, IReadOnlyList<TopArticle> Items);
public sealed record TopReferrer(string Domain, long Views);

/// <summary>The three daily charts of one article, or of the site when no article is given.</summary>
public sealed record DailyCharts(IReadOnlyList<ChartPoint> Views, IReadOnlyList<ChartPoint> Votes, IReadOnlyList<ChartPoint> Comments);

/// <summary>
/// The numbers behind the analytics pages, each one grouped query over its own table: views from
/// ArticleDailyViews (counted views, once per reader per day), votes from the standing votes'
/// CreatedAt (a withdrawn vote is gone), comments from visible comments' CreatedAt, referrers
/// from ReferrerDaily. All in UTC days.
/// </summary>
public sealed class AnalyticsQueries(BroadsheetDb db)
{
    public const int ChartDays = 30;
    public const int TopCount = 10;

    public async Task<DailyCharts> ChartsAsync(int? articleId, DateOnly today, CancellationToken ct)
    {
        var (from, to) = DailySeries.Window(today, ChartDays);
        var since = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var views = await db.ArticleDailyViews.AsNoTracking()
            .Where(d => d.Day >= from && d.Day <= to && (articleId == null || d.ArticleId == articleId))
            .GroupBy(d => d.Day).Select(g => new { g.Key, N = g.Sum(d => d.Views) }).ToListAsync(ct);
        var votes = await db.ArticleVotes.AsNoTracking()
            .Where(v => v.CreatedAt >= since && (articleId == null || v.ArticleId == articleId))
            .GroupBy(v => v.CreatedAt.Date).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.CreatedAt >= since && c.Status == CommentStatus.Visible && (articleId == null || c.ArticleId == articleId))
            .GroupBy(c => c.CreatedAt.Date).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);

        return new DailyCharts(
            DailySeries.Fill(from, to, views.Select(v => (v.Key, v.N))),
            DailySeries.Fill(from, to, votes.Select(v => (DateOnly.FromDateTime(v.Key), v.N))),
            DailySeries.Fill(from, to, comments.Select(c => (DateOnly.FromDateTime(c.Key), c.N))));
    }

    /// <summary>The most viewed articles over the last <paramref name="days"/> days (1 = today), most first; ties by newest id.</summary>
    public async Task<IReadOnlyList<TopArticle>> TopArticlesAsync(DateOnly today, int days, CancellationToken ct)
    {
        var (from, to) = DailySeries.Window(today, days);
        // Stories only: a static page's hidden companion (Articles/Companion) counts its page's views, but is no story.
        var companions = db.Articles.Where(a => a.Status == ArticleStatus.Companion).Select(a => a.Id);
        var top = await db.ArticleDailyViews.AsNoTracking()
            .Where(d => d.Day >= from && d.Day <= to && !companions.Contains(d.ArticleId))
            .GroupBy(d => d.ArticleId).Select(g => new { ArticleId = g.Key, Views = g.Sum(d => d.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId).Take(TopCount).ToListAsync(ct);
        int[] ids = [.. top.Select(t => t.ArticleId)];
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Slug }).ToDictionaryAsync(a => a.Id, ct);
        return [.. top.Where(t => articles.ContainsKey(t.ArticleId))
            .Select(t => new TopArticle(t.ArticleId, articles[t.ArticleId].Title, articles[t.ArticleId].Slug, t.Views))];
    }

    /// <summary>The sites that sent the most counted views over the last <paramref name="days"/> days, to one article or to all.</summary>
    public async Task<IReadOnlyList<TopReferrer>> TopReferrersAsync(int? articleId, DateOnly today, int days, CancellationToken ct)
    {
        var (from, to) = DailySeries.Window(today, days);
        var rows = await db.ReferrerDaily.AsNoTracking()
            .Where(r => r.Day >= from && r.Day <= to && (articleId == null || r.ArticleId == articleId))
            .GroupBy(r => r.Domain).Select(g => new { Domain = g.Key, Views = g.Sum(r => r.Views) })
            .OrderByDescending(x => x.Views).ThenBy(x => x.Domain).Take(TopCount).ToListAsync(ct);
        return [.. rows.Select(r => new TopReferrer(r.Domain, r.Views))];
    }
}
