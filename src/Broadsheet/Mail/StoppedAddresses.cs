using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>The stopped addresses, for the sender, for features that queue list mail, and for the newsroom.</summary>
public interface IStoppedAddresses
{
    Task<bool> IsStoppedAsync(string address, CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<StoppedAddress>> ListAsync(int skip, int take, CancellationToken ct);

    Task<int> CountAsync(CancellationToken ct);

    /// <summary>Stops an address; a second stop keeps the first reason. Saved at once.</summary>
    Task StopAsync(string address, string reason, string? smtpReply, CancellationToken ct);

    /// <summary>
    /// Lets list mail go to the address again. Tracked on the caller's context and saved with its
    /// next SaveChanges, so a release and its audit entry are one write. False: it was not stopped.
    /// </summary>
    Task<bool> ReleaseAsync(string address, CancellationToken ct);
}

public sealed class StoppedAddresses(BroadsheetDb db, TimeProvider clock) : IStoppedAddresses
{
    /// <summary>How an address is compared: receivers treat the local part case-insensitively in practice.</summary>
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    public Task<bool> IsStoppedAsync(string address, CancellationToken ct)
    {
        var key = Normalize(address);
        return db.StoppedAddresses.AnyAsync(s => s.Address == key, ct);
    }

    public async Task<IReadOnlyList<StoppedAddress>> ListAsync(int skip, int take, CancellationToken ct) =>
        await db.StoppedAddresses.AsNoTracking().OrderByDescending(s => s.At).ThenBy(s => s.Address).Skip(skip).Take(take).ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct) => db.StoppedAddresses.CountAsync(ct);

    public async Task StopAsync(string address, string reason, string? smtpReply, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "StoppedAddresses" ("Address", "Reason", "SmtpReply", "At")
            VALUES ({Normalize(address)}, {Cut(reason, 200)}, {(smtpReply is null ? null : Cut(smtpReply, 500))}, {clock.GetUtcNow().UtcDateTime})
            ON CONFLICT ("Address") DO NOTHING
            """, ct);
    }

    public async Task<bool> ReleaseAsync(string address, CancellationToken ct)
    {
        var key = Normalize(address);
        var row = await db.StoppedAddresses.FirstOrDefaultAsync(s => s.Address == key, ct);
        if (row is null) return false;
        db.StoppedAddresses.Remove(row);
        return true;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
