using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Security.Cryptography;

namespace Broadsheet.Comments;

public enum StampCheck { Fine, TooFast, Unreadable }

/// <summary>
/// When a comment form was served, signed with Data Protection and carried in the form, so the
/// server can tell a person (who reads, then types) from a script that posts the instant it
/// fetched the page. A stamp cannot be forged or moved forward without the keys.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, IOptionsMonitor<CommentOptions> options, TimeProvider clock)
{
    public const string Field = "started";

    private readonly IDataProtector protector = protection.CreateProtector("Broadsheet.Comments.FormStamp");

    public string Issue() => protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public StampCheck Check(string? stamp)
    {
        var minimum = options.CurrentValue.MinSecondsToSubmit;
        if (minimum <= 0) return StampCheck.Fine;
        if (!TryRead(stamp, out var issued)) return StampCheck.Unreadable;
        return Pace(issued, clock.GetUtcNow(), minimum);
    }

    public static StampCheck Pace(DateTimeOffset issued, DateTimeOffset now, int minimumSeconds) =>
        now - issued < TimeSpan.FromSeconds(minimumSeconds) ? StampCheck.TooFast : StampCheck.Fine;

    /// <summary>The stamp to put back in a re-shown form: the reader's own if it is genuine, so time already spent counts.</summary>
    public string Renew(string? stamp) => TryRead(stamp, out _) ? stamp! : Issue();

    private bool TryRead(string? stamp, out DateTimeOffset issued)
    {
        issued = default;
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 500) return false;
        try
        {
            if (!long.TryParse(protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return false;
            issued = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
