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
            boxes.Add(new RankedBox(list, await list.Query(db, now).Take(take).Select(list.Link(db, now)).ToListAsync(ct)));
        return boxes;
    }
}
