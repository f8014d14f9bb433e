using Broadsheet.Views;
using Broadsheet.Articles;
using Broadsheet.Data;
using System.Linq.Expressions;

namespace Broadsheet.Ranking;

public enum TrendingKind { Hot, ViewedToday, ViewedWeek, Discussed, TopWeek }

/// <summary>A ranked link in a short list: the story and the figure it is ranked by.</summary>
public sealed record RankedLink(string Slug, string Title, long Figure);

/// <summary>
/// The ranked lists of /trending and the home page. Each is a query over live stories in a
/// bounded window (so its cost does not grow with the archive), ordered by its measure, newest
/// first among equals.
/// </summary>
public sealed record TrendingList(TrendingKind Kind, string Slug, string Title, string Description)
{
    /// <summary>Only stories this recent can trend; older ones have cooled to nothing anyway.</summary>
    public static readonly TimeSpan HotWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<TrendingList> All =
    [
        new(TrendingKind.Hot, "now", "Trending", "What readers are voting on, discussing and reading right now."),
        new(TrendingKind.ViewedToday, "most-viewed-today", "Most viewed today", "The stories read most since midnight (UTC)."),
        new(TrendingKind.ViewedWeek, "most-viewed-week", "Most viewed this week", "The stories read most over the last seven days."),
        new(TrendingKind.Discussed, "most-discussed", "Most discussed", "This week's stories with the most comments."),
        new(TrendingKind.TopWeek, "top-week", "Top this week", "This week's stories with the most points (upvotes minus downvotes)."),
    ];

    public static TrendingList? Find(string? slug) => All.FirstOrDefault(l => l.Slug == slug);

    public string Path => $"/trending/{Slug}";

    /// <summary>The list's stories, best first.</summary>
    public IQueryable<Article> Query(BroadsheetDb db, DateTime now)
    {
        var live = db.Articles.Live(now);
        var today = DateOnly.FromDateTime(now);
        var weekStart = today.AddDays(-6);
        var weekAgo = now - Week;
        return Kind switch
        {
            TrendingKind.Hot => live.Where(a => a.PublishedAt >= now - HotWindow)
                .OrderByDescending(a => a.Hotness).ThenByDescending(a => a.PublishedAt),
            TrendingKind.ViewedToday => live.Where(a => db.Set<ArticleDailyViews>().Any(d => d.ArticleId == a.Id && d.Day == today))
                .OrderByDescending(a => db.Set<ArticleDailyViews>().Where(d => d.ArticleId == a.Id && d.Day == today).Sum(d => d.Views))
                .ThenByDescending(a => a.PublishedAt),
            TrendingKind.ViewedWeek => live.Where(a => db.Set<ArticleDailyViews>().Any(d => d.ArticleId == a.Id && d.Day >= weekStart))
                .OrderByDescending(a => db.Set<ArticleDailyViews>().Where(d => d.ArticleId == a.Id && d.Day >= weekStart).Sum(d => d.Views))
                .ThenByDescending(a => a.PublishedAt),
            TrendingKind.Discussed => live.Where(a => a.PublishedAt >= weekAgo && a.CommentCount > 0)
                .OrderByDescending(a => a.CommentCount).ThenByDescending(a => a.PublishedAt),
            _ => live.Where(a => a.PublishedAt >= weekAgo && a.Upvotes - a.Downvotes > 0)
                .OrderByDescending(a => a.Upvotes - a.Downvotes).ThenByDescending(a => a.PublishedAt),
        };
    }

    /// <summary>The figure shown beside each story in a short list.</summary>
    public Expression<Func<Article, RankedLink>> Link(BroadsheetDb db, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var weekStart = today.AddDays(-6);
        return Kind switch
        {
            TrendingKind.ViewedToday => a => new RankedLink(a.Slug, a.Title, db.Set<ArticleDailyViews>().Where(d => d.ArticleId == a.Id && d.Day == today).Sum(d => d.Views)),
            TrendingKind.ViewedWeek => a => new RankedLink(a.Slug, a.Title, db.Set<ArticleDailyViews>().Where(d => d.ArticleId == a.Id && d.Day >= weekStart).Sum(d => d.Views)),
            TrendingKind.Discussed => a => new RankedLink(a.Slug, a.Title, a.CommentCount),
            _ => a => new RankedLink(a.Slug, a.Title, a.Upvotes - a.Downvotes),
        };
    }

    public string FigureLabel(long figure) => Kind switch
    {
        TrendingKind.Discussed => Shared.Counts.Of(figure, "comment", "comments"),
        TrendingKind.ViewedToday or TrendingKind.ViewedWeek => Shared.Counts.Of(figure, "view", "views"),
        _ => Shared.Counts.Of(figure, "point", "points"),
    };
}
