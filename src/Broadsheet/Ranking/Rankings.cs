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
                : await list.Query(db, now).Take(take).Select(list.Link(db, now)).ToListAsync(ct)));
        return boxes;
    }
}
