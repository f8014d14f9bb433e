using Broadsheet.Data;
using Broadsheet.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// Claims outbox rows for one sender: one statement, the same text on SQLite and PostgreSQL but
/// for the provider's <see cref="IDatabaseProvider.SkipLockedRows"/>. It picks the oldest due,
/// unclaimed rows of a lane and claims them, re-checking the claim in the outer WHERE. On
/// PostgreSQL, SKIP LOCKED makes a second claimer pass over rows the first is claiming and take
/// the next ones; and should two still pick the same row, the second waits for the first,
/// re-evaluates the outer WHERE against the claimed row, which no longer matches, and skips it.
/// SQLite runs one writer at a time. Either way a row goes to one claimer only.
/// </summary>
public sealed class OutboxClaims(IDatabaseProvider provider, TimeProvider clock)
{
    // Parameters: {0} now, {1} the lease's end, {2} the lane, {3} how many. The provider's clause is constant text.
    private readonly string claimSql =
        $$"""
            UPDATE "OutboxMails" SET "ClaimedUntil" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMails"
                WHERE "Lane" = {2} AND "SentAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {0}
                  AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
                ORDER BY "DueAt", "Id" LIMIT {3} {{provider.SkipLockedRows}})
              AND "SentAt" IS NULL AND "FailedAt" IS NULL AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
            RETURNING "Id", "Kind", "To", "Payload", "Subject", "Text", "Html", "Link", "Attempts",
                "Batch", "BodyId", "Unsubscribe", "Preferences", "CreatedAt", "ClaimedUntil"
            """;

    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(BroadsheetDb db, int lane, int take, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Database.SqlQueryRaw<ClaimedMail>(claimSql, now, now + lease, lane, take).ToListAsync(ct);
        // RETURNING promises no order; the batch goes out oldest first.
        return [.. rows.OrderBy(r => r.Id)];
    }

    /// <summary>Pushes the lease of rows still held further out, for a batch that is taking long (a slow relay).</summary>
    public async Task ExtendAsync(BroadsheetDb db, IEnumerable<long> ids, DateTime until, CancellationToken ct)
    {
        var list = ids.ToList();
        await db.OutboxMails.Where(m => list.Contains(m.Id) && m.SentAt == null && m.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
    }

    /// <summary>Hands rows back untried (the server is down): free at once, and the claim's attempt not counted.</summary>
    public async Task ReleaseAsync(BroadsheetDb db, IEnumerable<long> ids, DateTime due, CancellationToken ct)
    {
        var list = ids.ToList();
        if (list.Count == 0) return;
        await db.OutboxMails.Where(m => list.Contains(m.Id) && m.SentAt == null && m.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1).SetProperty(m => m.DueAt, due), ct);
    }
}

/// <summary>A claimed row as RETURNING gives it back (a plain class: SqlQuery binds by property name).</summary>
public sealed class ClaimedMail
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";
    public string? Payload { get; set; }
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public string? Link { get; set; }
    public int Attempts { get; set; }
    public string? Batch { get; set; }
    public long? BodyId { get; set; }
    public string? Unsubscribe { get; set; }
    public string? Preferences { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
