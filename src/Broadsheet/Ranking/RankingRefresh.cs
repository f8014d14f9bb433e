using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using System.Text;

namespace Broadsheet.Ranking;

/// <summary>
/// Keeps <see cref="RankedArticle"/> rows equal to what the <see cref="TrendingList"/> queries
/// would say, so the home page's and /trending's boxes are one bounded index walk instead of an
/// aggregate over the view and vote tables per render (issue 15). An article's rows are rewritten
/// from its counters when they change (views flush, votes, comments); once a UTC day, the first
/// caller rebuilds every row, since "today" and "this week" move at midnight on their own.
/// The figures are recomputed from the truth, never added to, so instances can refresh side by side.
/// </summary>
public static class RankingRefresh
{
    public static readonly IReadOnlyList<TrendingKind> Kept =
        [TrendingKind.ViewedToday, TrendingKind.ViewedWeek, TrendingKind.Discussed, TrendingKind.TopWeek];

    private const int ArticlesPerStatement = 200;

    // Per database (tests run several apps in one process): the day this process last saw fresh rows.
    private static readonly ConcurrentDictionary<string, DateOnly> BuiltFor = new();

    /// <summary>Rewrites these articles' rows from their current counters.</summary>
    public static async Task RunAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct)
    {
        if (articleIds.Count == 0) return;
        if (await EnsureTodayAsync(db, now, ct)) return; // the rebuild has just covered them
        foreach (var chunk in articleIds.Distinct().Chunk(ArticlesPerStatement))
            await WriteAsync(db, chunk, now, ct);
    }

    /// <summary>
    /// A kept list's first stories: one seek on (list, day) walked in figure order, each row's
    /// article checked live by its key, stopping at <paramref name="take"/>. Only the kept rows are
    /// in FROM: written as a join, SQLite chose to drive from every live article and probe the
    /// kept rows (656k VM steps at 86,000 articles for "most viewed").
    /// </summary>
    public static async Task<List<RankedLink>> BoxAsync(BroadsheetDb db, TrendingKind list, DateTime now, int take, CancellationToken ct)
    {
        await EnsureTodayAsync(db, now, ct);
        var today = DateOnly.FromDateTime(now);
        var weekAgo = now - TrendingList.Week;
        var windowed = list is TrendingKind.Discussed or TrendingKind.TopWeek;
        var live = db.Articles.Live(now);
        return await db.RankedArticles.AsNoTracking()
            .Where(r => r.List == list && r.Day == today && (!windowed || r.PublishedAt >= weekAgo))
            .Where(r => live.Any(a => a.Id == r.ArticleId))
            .OrderByDescending(r => r.Figure).ThenByDescending(r => r.PublishedAt)
            .Take(take)
            .Select(r => new RankedLink(
                live.Where(a => a.Id == r.ArticleId).Select(a => a.Slug).First(),
                live.Where(a => a.Id == r.ArticleId).Select(a => a.Title).First(),
                r.Figure))
            .ToListAsync(ct);
    }

    /// <summary>Rebuilds every row if none is of today or some are older; returns whether it did.</summary>
    public static async Task<bool> EnsureTodayAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var key = db.Database.GetConnectionString() ?? "";
        if (BuiltFor.TryGetValue(key, out var day) && day == today) return false;
        var fresh = await db.RankedArticles.AnyAsync(r => r.Day == today, ct) && !await db.RankedArticles.AnyAsync(r => r.Day < today, ct);
        if (!fresh) await RebuildAsync(db, now, ct);
        BuiltFor[key] = today;
        return !fresh;
    }

    /// <summary>
    /// Every row, from the week's daily views and the week's engaged stories: bounded by one
    /// week's activity, whatever the archive's size. Runs once a day (and on a new database).
    /// </summary>
    public static async Task RebuildAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        var weekStart = DateOnly.FromDateTime(now).AddDays(-6);
        var weekAgo = now - TrendingList.Week;
        var ids = await db.ArticleDailyViews.Where(d => d.Day >= weekStart).Select(d => d.ArticleId)
            .Union(db.Articles.Where(a => a.PublishedAt >= weekAgo && (a.CommentCount > 0 || a.Upvotes - a.Downvotes > 0)).Select(a => a.Id))
            .ToListAsync(ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.RankedArticles.ExecuteDeleteAsync(ct);
        foreach (var chunk in ids.Chunk(ArticlesPerStatement))
            await WriteAsync(db, chunk, now, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Replaces these articles' rows with what each kept list's definition gives them now.</summary>
    private static async Task WriteAsync(BroadsheetDb db, int[] ids, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var weekStart = today.AddDays(-6);
        var weekAgo = now - TrendingList.Week;
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id) && a.PublishedAt != null)
            .Select(a => new { a.Id, PublishedAt = a.PublishedAt!.Value, a.CommentCount, Points = a.Upvotes - a.Downvotes })
            .ToListAsync(ct);
        var todays = await db.ArticleDailyViews.AsNoTracking().Where(d => ids.Contains(d.ArticleId) && d.Day == today)
            .ToDictionaryAsync(d => d.ArticleId, d => d.Views, ct);
        var weeks = await db.ArticleDailyViews.AsNoTracking().Where(d => ids.Contains(d.ArticleId) && d.Day >= weekStart)
            .GroupBy(d => d.ArticleId).Select(g => new { g.Key, Views = g.Sum(d => d.Views) })
            .ToDictionaryAsync(g => g.Key, g => g.Views, ct);

        var rows = new List<(TrendingKind List, int ArticleId, long Figure, DateTime PublishedAt)>();
        foreach (var a in articles)
        {
            if (todays.TryGetValue(a.Id, out var today1)) rows.Add((TrendingKind.ViewedToday, a.Id, today1, a.PublishedAt));
            if (weeks.TryGetValue(a.Id, out var week)) rows.Add((TrendingKind.ViewedWeek, a.Id, week, a.PublishedAt));
            if (a.PublishedAt >= weekAgo && a.CommentCount > 0) rows.Add((TrendingKind.Discussed, a.Id, a.CommentCount, a.PublishedAt));
            if (a.PublishedAt >= weekAgo && a.Points > 0) rows.Add((TrendingKind.TopWeek, a.Id, a.Points, a.PublishedAt));
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.RankedArticles.Where(r => ids.Contains(r.ArticleId)).ExecuteDeleteAsync(ct);
        if (rows.Count > 0)
        {
            // An upsert, not an insert: another instance may refresh the same article at the same moment.
            var sql = new StringBuilder("""INSERT INTO "RankedArticles" ("List", "ArticleId", "Day", "Figure", "PublishedAt") VALUES """);
            var args = new List<object> { today };
            for (var i = 0; i < rows.Count; i++)
            {
                var (list, articleId, figure, published) = rows[i];
                sql.Append(i == 0 ? "" : ", ").Append($"({(int)list}, {articleId}, {{0}}, {figure}, {{{args.Count}}})");
                args.Add(published);
            }
            sql.Append("""
                 ON CONFLICT ("List", "ArticleId") DO UPDATE SET "Day" = excluded."Day", "Figure" = excluded."Figure", "PublishedAt" = excluded."PublishedAt"
                """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
    }
}
