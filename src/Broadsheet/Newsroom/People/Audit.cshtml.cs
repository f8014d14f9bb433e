using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Newsroom.People;

/// <summary>/newsroom/audit: admins read the audit log, newest first, filtered by action prefix and target.</summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class AuditModel(AuditQuery query) : PageModel
{
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public AuditFilter Filter { get; private set; } = new("", "", "");
    public int PageNumber { get; private set; } = 1;
    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "action")] string? action, string? target, [FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        if (!Paging.TryParse(page, out var n) || AuditFilter.TryParse(action, target) is not { } filter) return BadRequest();
        (Filter, PageNumber) = (filter, n);
        (Rows, More) = await query.PageAsync(filter, n, ct);
        return Page();
    }

    public string PageLink(int page)
    {
        var parts = new List<string>();
        if (Filter.Action.Length > 0) parts.Add($"action={Uri.EscapeDataString(Filter.Action)}");
        if (Filter.Target.Length > 0) parts.Add($"target={Uri.EscapeDataString(Filter.Target)}");
        parts.Add($"page={page}");
        return "/newsroom/audit?" + string.Join('&', parts);
    }
}
