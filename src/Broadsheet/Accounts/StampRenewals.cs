using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Accounts;

/// <summary>
/// One stamp check and one cookie renewal per cookie when its check falls due, not one per
/// request. A reader's double click sends the same due cookie twice at once; each request read
/// the stamp and renewed the cookie (a Data Protection encryption and a new Set-Cookie), and the
/// browser kept whichever answer came last. Now the first request with a due cookie checks it and
/// renews it; a request with the same cookie (the same user, issue time, stamp and claims the
/// check compares) in the next <see cref="Window"/> (never longer than <c>Accounts:StampCheckSeconds</c>)
/// waits for that verdict and, when it passed, goes on without a renewal of its own. That is what it
/// would have met with the renewed cookie in hand: no check until the interval has passed. A failed or thrown check is not shared:
/// every request then takes the ordinary path (sign-out or Identity's rebuild). Memory per
/// instance, bounded in count and in time.
/// </summary>
internal sealed class StampRenewals
{
    public const int Capacity = 20_000;

    /// <summary>Long enough for a double click's second request under load; a stolen copy of the cookie gains nothing it would not with the renewed one.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>The sharing window for a check interval: none when every request is checked.</summary>
    public static TimeSpan WindowFor(TimeSpan interval) => interval < Window ? interval : Window;

    private readonly MemoryCache verdicts = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock gate = new();

    /// <summary>Everything <see cref="StampCheck.Matches"/> and the stamp comparison read from the cookie.</summary>
    public static string Key(int id, DateTimeOffset issued, string stamp, ClaimsPrincipal principal, ClaimsIdentityOptions ids) =>
        string.Join('\n', [id.ToString(System.Globalization.CultureInfo.InvariantCulture), issued.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), stamp,
            principal.FindFirstValue(ids.UserNameClaimType), principal.FindFirstValue(ids.EmailClaimType),
            principal.FindFirstValue(UserClaims.DisplayNameType), principal.FindFirstValue(UserClaims.HandleType),
            .. principal.FindAll(ids.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)]);

    /// <summary>
    /// The verdict of a check of this cookie already under way or passed within <paramref name="window"/>
    /// (true: passed and renewed by that request); or null, and <paramref name="mine"/> to settle
    /// with this request's own verdict.
    /// </summary>
    public Task<bool>? Join(string key, TimeSpan window, out TaskCompletionSource<bool>? mine)
    {
        lock (gate)
        {
            if (verdicts.TryGetValue(key, out Task<bool>? earlier))
            {
                mine = null;
                return earlier;
            }
            mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            verdicts.Set(key, mine.Task, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = window });
            return null;
        }
    }

    /// <summary>Settles this request's check; a failed one is forgotten, so the next request checks again.</summary>
    public void Settle(string key, TaskCompletionSource<bool> mine, bool passed)
    {
        if (!passed)
            lock (gate)
                if (verdicts.TryGetValue(key, out Task<bool>? current) && current == mine.Task) verdicts.Remove(key);
        mine.TrySetResult(passed);
    }
}
