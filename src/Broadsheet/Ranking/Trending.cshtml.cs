using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Ranking;

/// <summary>/trending: every ranking at a glance; each links to its full list.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class TrendingModel(BroadsheetDb db, TimeProvider clock) : PageModel
{
    public const int PerBox = 10;

    public IReadOnlyList<RankedBox> Boxes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Boxes = await Rankings.BoxesAsync(db, clock.GetUtcNow().UtcDateTime, PerBox, ct);
}
