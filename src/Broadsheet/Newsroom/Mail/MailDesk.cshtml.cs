using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Newsroom.Mail;

/// <summary>
/// /newsroom/mail: what the outbox sent, by batch (queued, sent, deferred, failed, skipped), and
/// the stopped addresses, each with a "release" button. Admins only: addresses are personal data,
/// and releasing one lets mail go to it again. Reads Mail's queries; Mail knows nothing of it.
/// </summary>
[Authorize(Policy = Policies.Admins)]
[NeverStored]
public sealed class MailDeskModel(MailOutbox outbox, IStoppedAddresses stopped, AuditLog audit, BroadsheetDb db) : PageModel
{
    public const int BatchesShown = 50;
    public const int StoppedPerPage = 50;

    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];
    public IReadOnlyList<StoppedAddress> Stopped { get; private set; } = [];
    public int StoppedCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool More => PageNumber * StoppedPerPage < StoppedCount;

    /// <summary>The address just released, for the confirmation line.</summary>
    [TempData]
    public string? Released { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        if (!Paging.TryParse(page, out var n)) return BadRequest();
        PageNumber = n;
        Batches = await outbox.BatchesAsync(BatchesShown, ct);
        StoppedCount = await stopped.CountAsync(ct);
        Stopped = await stopped.ListAsync((n - 1) * StoppedPerPage, StoppedPerPage, ct);
        return Page();
    }

    /// <summary>Releases one address; the release and its audit entry are one SaveChanges. An address that is not stopped is a 404.</summary>
    public async Task<IActionResult> OnPostReleaseAsync([FromForm] string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254) return BadRequest();
        if (!await stopped.ReleaseAsync(address, ct)) return NotFound();
        var key = StoppedAddresses.Normalize(address);
        audit.Add(User, "mail.release", "address", key, $"Released {key}: list mail goes to it again.");
        await db.SaveChangesAsync(ct);
        Released = key;
        return Redirect("/newsroom/mail");
    }
}
