using Broadsheet.Audit;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Api;

/// <summary>One row of the newsroom's key list.</summary>
public sealed record ApiKeyRow(int Id, string Name, string Prefix, DateTime CreatedAt, string? CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt,
    ApiKeyKind Kind = ApiKeyKind.Server, string Origins = "");

/// <summary>A live key, as the request filter needs it: its prefix (the rate-limit key), its kind and a browser key's origins.</summary>
public sealed record ApiCaller(string Prefix, ApiKeyKind Kind, IReadOnlyList<string> Origins)
{
    /// <summary>A server key may be used from anywhere; a browser key only from a page on one of its origins.</summary>
    public bool Allows(string? origin) => Kind == ApiKeyKind.Server || (origin is not null && Origins.Contains(origin.TrimEnd('/')));
}

/// <summary>
/// Creating, listing, revoking and checking Content API keys. Creating and revoking are audited
/// here, in the same transaction as the change, so no page or command can do either unrecorded.
/// </summary>
public sealed class ApiKeys(BroadsheetDb db, AuditLog audit, TimeProvider clock, ApiKeyCache checkedKeys)
{
    public const int NameMax = 100;
    public const int OriginsMax = 1000;

    /// <summary>LastUsedAt is bookkeeping, like a rate-limit counter: written at most this often per key, so reads stay reads.</summary>
    public static readonly TimeSpan UsageResolution = TimeSpan.FromHours(1);

    public Task<List<ApiKeyRow>> ListAsync(CancellationToken ct) =>
        (from k in db.ApiKeys.AsNoTracking()
         join u in db.Users on k.CreatedByUserId equals u.Id into creators
         from u in creators.DefaultIfEmpty()
         orderby k.RevokedAt != null, k.CreatedAt descending, k.Id descending
         select new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, u == null ? null : u.DisplayName, k.LastUsedAt, k.RevokedAt, k.Kind, k.Origins))
        .ToListAsync(ct);

    /// <summary>
    /// Stores a new key's hash and returns the key itself, which is never stored or shown again.
    /// <paramref name="createdBy"/> is the acting user; null for the operator (no signed-in person).
    /// </summary>
    public Task<string> CreateAsync(string name, int? createdBy, CancellationToken ct) =>
        CreateAsync(name, createdBy, ApiKeyKind.Server, [], ct);

    /// <summary>As above, of either kind; a browser key's origins are already checked (<see cref="ParseOrigins"/>).</summary>
    public async Task<string> CreateAsync(string name, int? createdBy, ApiKeyKind kind, IReadOnlyList<string> origins, CancellationToken ct)
    {
        // A prefix collision (36^8 of them) is astronomically unlikely; the UNIQUE index would refuse it loudly.
        var (key, prefix) = ApiKeyFormat.Generate();
        var row = db.ApiKeys.Add(new ApiKey
        {
            Name = name, Prefix = prefix, SecretHash = ApiKeyFormat.Hash(key), Kind = kind, Origins = string.Join(' ', origins),
            CreatedByUserId = createdBy, CreatedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        using var gate = await db.WriteGateAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the key's id, for the audit entry
        var detail = kind == ApiKeyKind.Browser
            ? $"Created the browser API key \"{name}\" ({prefix}\u2026) for {string.Join(", ", origins)}."
            : $"Created the API key \"{name}\" ({prefix}\u2026).";
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
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => new { k.Name, k.Prefix }).FirstOrDefaultAsync(ct);
        if (revoked > 0 && key is not null)
        {
            await audit.AddAsync(actorUserId, "apikey.revoke", "apikey", Id(id), $"Revoked the API key \"{key.Name}\" ({key.Prefix}\u2026).", ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        // This instance stops accepting it now; the others when their copy expires (ApiKeyCache).
        if (key is not null) checkedKeys.Forget(key.Prefix);
        return key is not null;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The live key, or null when the key is malformed, unknown, wrong or revoked (callers cannot tell which).</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (!ApiKeyFormat.TryGetPrefix(key, out var prefix)) return null;
        if (checkedKeys.Find(prefix, key!) is { } known) return known;
        var row = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new { k.Id, k.SecretHash, k.RevokedAt, k.LastUsedAt, k.Kind, k.Origins }).FirstOrDefaultAsync(ct);
        if (row is null || !ApiKeyFormat.Matches(key!, row.SecretHash) || row.RevokedAt is not null) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is null || now - row.LastUsedAt >= UsageResolution)
        {
            var stale = now - UsageResolution;
            using (await db.WriteGateAsync(ct))
                await db.ApiKeys.Where(k => k.Id == row.Id && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        var caller = new ApiCaller(prefix, row.Kind, row.Origins.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        checkedKeys.Keep(prefix, row.SecretHash, caller);
        return caller;
    }

    /// <summary>
    /// A browser key's origins, one per line or separated by spaces or commas: each an absolute
    /// http(s) origin with no path ("https://www.partner.example"). Null when good, else what is wrong.
    /// </summary>
    public static string? ParseOrigins(string? raw, out List<string> origins)
    {
        origins = [];
        foreach (var item in (raw ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var text = item.TrimEnd('/');
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
                return $"“{(text.Length > 60 ? text[..60] + "…" : text)}” is not an origin: give the site's address only, like https://www.partner.example.";
            var origin = uri.GetLeftPart(UriPartial.Authority);
            if (!origins.Contains(origin)) origins.Add(origin);
        }
        if (origins.Count == 0) return "A browser key needs at least one origin: the address of the site whose pages will use it.";
        return string.Join(' ', origins).Length > OriginsMax ? $"The origins come to more than {OriginsMax} characters; make a key per site." : null;
    }
}
