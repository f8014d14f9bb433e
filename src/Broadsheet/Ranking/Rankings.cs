using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ranking;

/// <summary>A ranked list's first few stories, with their figures: the boxes of /trending and the home page.</summary>
public sealed record RankedBox(TrendingList List, IReadOnlyList<RankedLink> Links);

public static class Rankings
{
    public static async Task<IReadOnlyList<RankedBox>> BoxesAsync(BroadsheetDb db, DateTime now, int take, CancellationToken ct)
    {
        var boxes = new List<RankedBox>();
        foreach (var list in TrendingList.All)
            // The kept lists come from their rows; "Trending" is already a walk of the stored hotness.
            boxes.Add(new RankedBox(list, RankingRefresh.Kept.Contains(list.Kind)
                ? await RankingRefresh.BoxAsync(db, list.Kind, now, take, ct)
                : await HotBoxAsync(db, list, now, take, ct)));
        return boxes;
    }

    private const int HotBatch = 50;

    /// <summary>
    /// Every story, hottest first, in the (Hotness, PublishedAt) index's own order. No condition
    /// on the time here on purpose: SQLite prefers any published-time range to an ordered index,
    /// and the fortnight's range is most of a busy archive (53,000 stories of 100,000 in the bench
    /// file, 1.4M VM steps and a sort per render).
    /// </summary>
    public static IQueryable<Article> ByHotness(BroadsheetDb db) =>
        db.Articles.OrderByDescending(a => a.Hotness).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    /// <summary>
    /// The "Trending" box: the hottest stories read from the top of the hotness index in batches,
    /// those inside the window then checked live by their keys, until the box is full. Stories
    /// cool with age, so the walk meets the window's stories first and stops after a batch; the
    /// full /trending/now page keeps <see cref="TrendingList.Query"/>, the definition.
    /// </summary>
    public static async Task<List<RankedLink>> HotBoxAsync(BroadsheetDb db, TrendingList list, DateTime now, int take, CancellationToken ct)
    {
        var since = now - TrendingList.HotWindow;
        var found = new List<RankedLink>();
        for (var skip = 0; found.Count < take; skip += HotBatch)
        {
            var batch = await ByHotness(db).Skip(skip).Take(HotBatch).Select(a => new { a.Id, a.PublishedAt }).ToListAsync(ct);
            var inWindow = batch.Where(a => a.PublishedAt >= since && a.PublishedAt <= now).Select(a => a.Id).ToList();
            if (inWindow.Count > 0)
                found.AddRange(await db.Articles.Live(now).Where(a => inWindow.Contains(a.Id))
                    .OrderByDescending(a => a.Hotness).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(take - found.Count).Select(list.Link(db, now)).ToListAsync(ct));
            if (batch.Count < HotBatch) break;
        }
        return found;
    }
}
