using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Broadsheet.Newsroom;

/// <summary>Writes audit entries. Call it inside the same SaveChanges as the action it records, so one is never kept without the other.</summary>
public sealed class AuditLog(BroadsheetDb db, TimeProvider clock)
{
    /// <summary>Adds an entry to the context; the caller's SaveChangesAsync stores it with the action.</summary>
    public AuditEntry Add(ClaimsPrincipal actor, string action, string targetKind, string targetId, string detail = "") =>
        Add(int.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null, actor.DisplayName(), action, targetKind, targetId, detail);

    /// <summary>
    /// For services that are handed the acting user's id rather than the request's principal: the
    /// name is read from the account, so the entry still names who did it after a rename.
    /// </summary>
    public async Task<AuditEntry> AddAsync(int actorUserId, string action, string targetKind, string targetId, string detail, CancellationToken ct)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == actorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return Add(actorUserId, name ?? $"user {actorUserId}", action, targetKind, targetId, detail);
    }

    /// <summary>For actors that are not a signed-in request: the CLI ("operator"), the scheduler ("scheduler").</summary>
    public AuditEntry Add(int? actorUserId, string actorName, string action, string targetKind, string targetId, string detail = "")
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            ActorName = Truncate(actorName, 120),
            Action = action,
            TargetKind = targetKind,
            TargetId = Truncate(targetId, 64),
            Detail = Truncate(detail, 2000),
        };
        db.Add(entry);
        return entry;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
