using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Ranking;

/// <summary>/trending/{list}: one ranked list in full, with "Load more".</summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class TrendingListPageModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public TrendingList List { get; private set; } = null!;
    public override string Heading => List.Title;
    public override string? Description => List.Description;

    public Task<IActionResult> OnGetAsync(string list, CancellationToken ct)
    {
        if (TrendingList.Find(list) is not { } found) return Task.FromResult<IActionResult>(NotFound());
        List = found;
        return RankedAsync(found.Path, found.Query(Db, Now), ct);
    }
}
