using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>
/// /email/{token}: the preferences link in every mail to an anonymous address. It lists what the
/// address gets, each with its own unsubscribe button, and "delete me", which removes every row of
/// the address (the only place we keep it). A reader with an account manages all at /account/email.
/// </summary>
[NeverStored]
public sealed class PreferencesModel(BroadsheetDb db, Subscriptions subscriptions) : PageModel
{
    public sealed record Line(Subscription Row, SubscriptionTarget? Target);

    public string? Address { get; private set; }
    public bool Account { get; private set; }
    public List<Line> Lines { get; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, string? done, CancellationToken ct)
    {
        var row = await subscriptions.FindAsync(token, ct);
        if (row is null)
        {
            if (done != "deleted") return NotFound();
            Notice = "Your address has been deleted: we hold nothing about it any more.";
            return Page();
        }
        Account = row.UserId is not null;
        Address = row.Email;
        var rows = await db.Subscriptions.AsNoTracking()
            .Where(s => row.Email != null ? s.Email == row.Email : s.UserId == row.UserId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var targets = await SubscriptionTarget.OfAsync(db, rows.Select(r => (r.Kind, r.TargetId)), ct);
        Lines.AddRange(rows.Select(r => new Line(r, targets.GetValueOrDefault((r.Kind, r.TargetId)))));
        return Page();
    }

    /// <summary>"Delete me": every subscription of this anonymous address, confirmed or not.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken ct)
    {
        var row = await subscriptions.FindAsync(token, ct);
        if (row is null) return NotFound();
        if (row.Email is null) return Redirect("/account/email"); // an account's rows go with the account
        await subscriptions.DeleteAddressAsync(token, ct);
        return Redirect($"/email/{token}?done=deleted");
    }
}
