using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
[SharedPage]
public sealed class LatestModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public override string Heading => "Latest news";
    public override string? Description => "Every story as it is published, newest first.";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ListAsync("/latest", live => live, ct);
}
