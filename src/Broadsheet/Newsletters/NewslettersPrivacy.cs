using Broadsheet.Accounts;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters;

/// <summary>
/// The "email" part of "Download my data": the account's subscriptions, and any anonymous ones
/// made with the account's address (the same person, before or beside signing up).
/// </summary>
internal sealed class NewslettersExport(BroadsheetDb db) : IAccountExportPart
{
    public string Name => "email";

    public async Task<object> BuildAsync(int userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        var lower = email?.ToLowerInvariant();
        var rows = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId || (lower != null && s.Email == lower))
            .OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var targets = await SubscriptionTarget.OfAsync(db, rows.Select(r => (r.Kind, r.TargetId)), ct);
        return rows.Select(r => new
        {
            kind = r.Kind.ToString().ToLowerInvariant(),
            slug = targets.GetValueOrDefault((r.Kind, r.TargetId))?.Slug,
            frequency = r.Frequency.ToString().ToLowerInvariant(),
            address = r.Email ?? "(your account's address)",
            since = r.CreatedAt,
            confirmed = r.ConfirmedAt,
        }).ToList();
    }
}

/// <summary>Deleting an account deletes its subscriptions (the cascade does the account's rows) and the anonymous ones under its address.</summary>
internal sealed class NewslettersOnDeletion(BroadsheetDb db) : IAccountDeletionStep
{
    public async Task BeforeDeleteAsync(int userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        var lower = email?.ToLowerInvariant();
        await db.Subscriptions.Where(s => s.UserId == userId || (lower != null && s.Email == lower)).ExecuteDeleteAsync(ct);
    }
}
