using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Pages.Newsroom;

public sealed record PageRow(int Id, string Title, string Slug, PageStatus Status, bool InMenu, bool InFooter, int Position, DateTime UpdatedAt);

/// <summary>/newsroom/pages: every static page, menu and footer ones first in their order. Editors and admins only.</summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class IndexModel(BroadsheetDb db) : PageModel
{
    public IReadOnlyList<PageRow> Rows { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done == "delete" ? "Deleted: its address now answers 404." : null;
        // A site has a handful of pages, not thousands: one list, no paging.
        Rows = await db.Pages.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Title)
            .Select(p => new PageRow(p.Id, p.Title, p.Slug, p.Status, p.InMenu, p.InFooter, p.Position, p.UpdatedAt))
            .ToListAsync(ct);
    }
}
