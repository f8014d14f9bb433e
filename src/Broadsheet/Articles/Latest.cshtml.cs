using Broadsheet.Data;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Articles;

public sealed class LatestModel(BroadsheetDb db, TimeProvider clock) : ListPageModel(db, clock)
{
    public override string Heading => "Latest news";
    public override string? Description => "Every story as it is published, newest first.";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ListAsync("/latest", Live, ct);
}
