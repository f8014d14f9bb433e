using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments;

/// <summary>/comments/{id}/report: a reader tells the moderators what is wrong with a comment.</summary>
[Authorize]
public sealed class ReportModel(BroadsheetDb db, CommentReports reports, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
    : CommentPageModel(clock)
{
    public CommentItem Item { get; private set; } = null!;
    public string Reason { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return Refused(refusal);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } gone) return Refused(gone);
        var (notice, refusal) = await reports.ReportAsync(id, User.UserId()!.Value, reason, ct);
        Notice = notice;
        if (refusal is not null)
        {
            if (refusal.Status != StatusCodes.Status422UnprocessableEntity) return Refused(refusal);
            Reason = reason ?? "";
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
        }
        return Answer();
    }

    private IActionResult Answer() => IsHtmx ? Partial("_ReportForm", this) : Page();

    private async Task<Refusal?> LoadAsync(long id, CancellationToken ct)
    {
        var item = await CommentItem.LoadAsync(db, id, User, options.CurrentValue.CloseAfterDays, Now, ct);
        if (item is null || item.Node.Kind != NodeKind.Comment) return Refusal.Gone();
        Item = item;
        return null;
    }
}
