using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Audit;

/// <summary>
/// Writes audit entries. Call it inside the same SaveChanges as the action it records, so one is
/// never kept without the other. A platform piece (issue 18): every feature may record what it
/// did, so it knows no feature; a signed-in actor is recorded through Accounts' <c>AuditActor</c>.
/// </summary>
public sealed class AuditLog(BroadsheetDb db, TimeProvider clock)
{
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
