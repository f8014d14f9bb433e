using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>A reader's public profile: only what they chose to show publicly (name, handle, when they joined).</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class PersonModel(BroadsheetDb db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Handle { get; private set; } = "";
    public DateTime JoinedAt { get; private set; }
    public bool Newsroom { get; private set; }

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken ct)
    {
        if (!Slug.IsValid(handle) || handle.Length > Handles.MaxLength + 8) return NotFound();
        var normalized = handle.ToUpperInvariant();
        var person = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.JoinedAt }).FirstOrDefaultAsync(ct);
        if (person is null) return NotFound();
        (DisplayName, Handle, JoinedAt) = (person.DisplayName, person.UserName!, person.JoinedAt);
        Newsroom = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == person.Id && r.Name != Roles.Reader select ur).AnyAsync(ct);
        return Page();
    }
}
