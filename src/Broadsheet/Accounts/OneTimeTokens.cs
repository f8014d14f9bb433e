using Broadsheet.Shared;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Accounts;

/// <summary>Issues and redeems <see cref="OneTimeToken"/>s.</summary>
public sealed class OneTimeTokens(BroadsheetDb db, TimeProvider clock)
{
    public const string SignIn = "sign-in";
    public const string Setup = "setup";

    /// <summary>Returns the raw token for the link; only its hash is kept.</summary>
    public async Task<string> IssueAsync(string purpose, int? userId, TimeSpan lifetime, CancellationToken ct)
    {
        var raw = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.OneTimeTokens.Add(new OneTimeToken { Hash = HashOf(raw), Purpose = purpose, UserId = userId, ExpiresAt = now + lifetime });
        // Expired tokens are useless; sweeping them on issue keeps the table to live links.
        await db.OneTimeTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return raw;
    }

    /// <summary>True when the token exists, is unused and unexpired; it is not consumed.</summary>
    public async Task<OneTimeToken?> PeekAsync(string purpose, string? raw, CancellationToken ct)
    {
        if (!LooksValid(raw)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = HashOf(raw!);
        return await db.OneTimeTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now, ct);
    }

    /// <summary>Marks the token used. Exactly one caller wins, however many race.</summary>
    public async Task<OneTimeToken?> RedeemAsync(string purpose, string? raw, CancellationToken ct)
    {
        if (!LooksValid(raw)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = HashOf(raw!);
        var won = await db.OneTimeTokens
            .Where(t => t.Hash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return won == 1 ? await db.OneTimeTokens.AsNoTracking().FirstAsync(t => t.Hash == hash, ct) : null;
    }

    private static bool LooksValid(string? raw) => raw is { Length: 43 } && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string HashOf(string raw) => TokenHash.Of(raw);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
