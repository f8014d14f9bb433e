using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsletters;

/// <summary>
/// /subscribe/confirm/{token}: the confirmation mail's link. The GET only shows a button (mail
/// scanners and link previews follow links; a GET never changes anything); the POST confirms.
/// </summary>
[NeverStored]
public sealed class ConfirmModel(BroadsheetDb db, Subscriptions subscriptions) : PageModel
{
    public SubscriptionTarget? Target { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var row = await subscriptions.FindAsync(token, ct);
        if (row is null) return NotFound();
        Target = (await SubscriptionTarget.OfAsync(db, [(row.Kind, row.TargetId)], ct)).GetValueOrDefault((row.Kind, row.TargetId));
        Confirmed = row.ConfirmedAt is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await subscriptions.ConfirmAsync(token, ct)) return NotFound();
        return await OnGetAsync(token, ct);
    }
}
