using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsletters;

/// <summary>
/// /unsubscribe/{token}: the address in every mail's List-Unsubscribe header and footer. A GET
/// shows a button and changes nothing (scanners follow links). A POST unsubscribes with no
/// sign-in: the token is the authentication. The RFC 8058 one-click POST that Gmail and Yahoo send
/// (body exactly <c>List-Unsubscribe=One-Click</c>, from their servers, with no cookie) cannot
/// carry a form token, so that exact POST alone is taken without one; the page's own button
/// posts with its token, checked here.
/// </summary>
[NeverStored]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(BroadsheetDb db, Subscriptions subscriptions, IAntiforgery antiforgery) : PageModel
{
    public SubscriptionTarget? Target { get; private set; }
    public bool Gone { get; private set; }
    public bool Anonymous { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var row = await subscriptions.FindAsync(token, ct);
        if (row is null) { Gone = true; return Page(); } // already unsubscribed, or a mangled link: say so, not 404
        Anonymous = row.UserId is null;
        Target = (await SubscriptionTarget.OfAsync(db, [(row.Kind, row.TargetId)], ct)).GetValueOrDefault((row.Kind, row.TargetId));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(ct) : null;
        var oneClick = form is not null && form.Count == 1 && form["List-Unsubscribe"] == "One-Click";
        if (!oneClick) await antiforgery.ValidateRequestAsync(HttpContext); // throws: a 400 page
        var row = await subscriptions.FindAsync(token, ct);
        if (row is not null)
        {
            Anonymous = row.UserId is null;
            Target = (await SubscriptionTarget.OfAsync(db, [(row.Kind, row.TargetId)], ct)).GetValueOrDefault((row.Kind, row.TargetId));
        }
        await subscriptions.UnsubscribeAsync(token, ct);
        Gone = true;
        if (oneClick) return new OkResult();
        return Page();
    }
}
