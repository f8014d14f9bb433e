using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ranking;

/// <summary>
/// Recomputes the stored <see cref="Hotness"/> of the given articles from their current
/// counters, and their rows in the kept rankings (<see cref="RankingRefresh"/>). Called after
/// votes, comments or a views flush change those counters.
/// </summary>
public static class HotnessRefresh
{
    public static async Task RunAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct)
    {
        await HotnessOnlyAsync(db, articleIds, now, ct);
        await RankingRefresh.RunAsync(db, articleIds, now, ct);
    }

    /// <summary>Hotness alone: cooling changes no counter, so the kept rankings stay as they are.</summary>
    public static async Task HotnessOnlyAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct)
    {
        if (articleIds.Count == 0) return;
        int[] ids = [.. articleIds.Distinct()];
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Upvotes, a.Downvotes, a.CommentCount, a.ViewCount, a.PublishedAt })
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            var age = now - (r.PublishedAt ?? now);
            var hot = Hotness.Of(r.Upvotes - r.Downvotes, r.CommentCount, r.ViewCount, age);
            await db.Articles.Where(a => a.Id == r.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Hotness, hot), ct);
        }
    }
}
