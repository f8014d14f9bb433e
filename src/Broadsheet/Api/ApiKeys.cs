using Broadsheet.Data;
using Broadsheet.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api;

/// <summary>One row of the newsroom's key list.</summary>
public sealed record ApiKeyRow(int Id, string Name, string Prefix, DateTime CreatedAt, string? CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>
/// Creating, listing, revoking and checking Content API keys. Creating and revoking are audited
/// here, in the same transaction as the change, so no page or command can do either unrecorded.
/// </summary>
public sealed class ApiKeys(BroadsheetDb db, AuditLog audit, TimeProvider clock)
{
    public const int NameMax = 100;

    /// <summary>LastUsedAt is bookkeeping, like a rate-limit counter: written at most this often per key, so reads stay reads.</summary>
    public static readonly TimeSpan UsageResolution = TimeSpan.FromHours(1);

    public Task<List<ApiKeyRow>> ListAsync(CancellationToken ct) =>
        (from k in db.ApiKeys.AsNoTracking()
         join u in db.Users on k.CreatedByUserId equals u.Id into creators
         from u in creators.DefaultIfEmpty()
         orderby k.RevokedAt != null, k.CreatedAt descending, k.Id descending
         select new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, u == null ? null : u.DisplayName, k.LastUsedAt, k.RevokedAt))
        .ToListAsync(ct);

    /// <summary>
    /// Stores a new key's hash and returns the key itself, which is never stored or shown again.
    /// <paramref name="createdBy"/> is the acting user; null for the operator (no signed-in person).
    /// </summary>
    public async Task<string> CreateAsync(string name, int? createdBy, CancellationToken ct)
    {
        // A prefix collision (36^8 of them) is astronomically unlikely; the UNIQUE index would refuse it loudly.
        var (key, prefix) = ApiKeyFormat.Generate();
        var row = db.ApiKeys.Add(new ApiKey
        {
            Name = name, Prefix = prefix, SecretHash = ApiKeyFormat.Hash(key),
            CreatedByUserId = createdBy, CreatedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        using var gate = await db.WriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the key's id, for the audit entry
        var detail = $"Created the API key \"{name}\" ({prefix}\u2026).";
        if (createdBy is int actor) await audit.AddAsync(actor, "apikey.create", "apikey", Id(row.Id), detail, ct);
        else audit.Add(null, "operator", "apikey.create", "apikey", Id(row.Id), detail);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return key;
    }

    /// <summary>Revokes the key if it is not already; false when there is no such key. Revoking twice changes nothing and is audited once.</summary>
    public async Task<bool> RevokeAsync(int id, int actorUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var gate = await db.WriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        if (revoked > 0)
        {
            var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => new { k.Name, k.Prefix }).FirstAsync(ct);
            await audit.AddAsync(actorUserId, "apikey.revoke", "apikey", Id(id), $"Revoked the API key \"{key.Name}\" ({key.Prefix}\u2026).", ct);
            await db.SaveChangesAsync(ct);
        }
        var exists = revoked > 0 || await db.ApiKeys.AnyAsync(k => k.Id == id, ct);
        await tx.CommitAsync(ct);
        return exists;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The live key's prefix, or null when the key is malformed, unknown, wrong or revoked (callers cannot tell which).</summary>
    public async Task<string?> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryGetPrefix(key, out var prefix)) return null;
        var row = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new { k.Id, k.SecretHash, k.RevokedAt, k.LastUsedAt }).FirstOrDefaultAsync(ct);
        if (row is null || !ApiKeyFormat.Matches(key!, row.SecretHash) || row.RevokedAt is not null) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is null || now - row.LastUsedAt >= UsageResolution)
        {
            var stale = now - UsageResolution;
            using (await db.WriteGateAsync(ct))
                await db.ApiKeys.Where(k => k.Id == row.Id && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return prefix;
    }
}
