using Broadsheet.Newsroom;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments.Newsroom;

/// <summary>
/// /newsroom/comments: held and reported comments, for editors and admins, who approve, reject
/// or delete them one by one or in bulk. The editors' policy is on the page, so every handler
/// (an unknown one included) is checked on the server; other roles get the 403 page.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class ModerationQueueModel(Moderation moderation) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? done, string? act, CancellationToken ct)
    {
        if (done is int n && TryParse(act, out var action, out _)) Message = $"{Shared.Counts.Of(n, "comment", "comments")} {Past(action)}.";
        Items = await moderation.QueueAsync(ct);
        return Page();
    }

    /// <summary>act = "approve" | "reject" | "delete" for the ticked comments, or "approve:123" for one.</summary>
    public async Task<IActionResult> OnPostAsync(string? act, long[]? ids, CancellationToken ct)
    {
        if (!TryParse(act, out var action, out var one))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = "Choose approve, reject or delete.";
            Items = await moderation.QueueAsync(ct);
            return Page();
        }
        long[] chosen = one is long id ? [id] : ids ?? [];
        if (chosen.Length == 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = "Tick at least one comment first.";
            Items = await moderation.QueueAsync(ct);
            return Page();
        }
        var changed = await moderation.ApplyAsync(action, chosen, User, ct);
        return RedirectToPage(new { done = changed, act = action.ToString().ToLowerInvariant() });
    }

    private static string Past(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approved",
        ModerationAction.Reject => "rejected",
        _ => "deleted",
    };

    public static bool TryParse(string? raw, out ModerationAction action, out long? id)
    {
        id = null;
        var parts = (raw ?? "").Split(':');
        action = default;
        if (parts.Length > 2) return false;
        if (parts.Length == 2)
        {
            if (!long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return false;
            id = parsed;
        }
        switch (parts[0])
        {
            case "approve": action = ModerationAction.Approve; return true;
            case "reject": action = ModerationAction.Reject; return true;
            case "delete": action = ModerationAction.Delete; return true;
            default: return false;
        }
    }
}
