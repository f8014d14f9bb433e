using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.RateLimits;

public sealed record LimitPolicy(int Permits, int WindowSeconds);

/// <summary>
/// Rate limits keyed on policy and client (IP, or "user:N"), over a sliding window
/// (<see cref="SlidingWindow"/>) estimated from two fixed-window counters. The counters live off
/// the primary database: in this process on one box, in Redis when <c>Redis:Configuration</c> is
/// set (<see cref="ILimitCounters"/>), so N instances enforce one limit, not N. Only abusable
/// POSTs are checked: sign-in, sign-up, reset, links, votes, comments and the content API.
/// </summary>
public sealed class RequestLimits(ILimitCounters counters, IConfiguration config, TimeProvider clock)
{
    private static readonly Dictionary<string, LimitPolicy> Defaults = new()
    {
        ["sign-in"] = new(20, 300),
        ["sign-up"] = new(10, 3600),
        ["reset"] = new(5, 900),
        ["sign-in-link"] = new(5, 900),
        ["vote"] = new(120, 60),
        ["vote-user"] = new(60, 60),
        // Comments: per client IP (a newsroom's office shares one), and per account wherever it posts from.
        ["comment"] = new(30, 600),
        ["comment-user"] = new(10, 600),
        // Content API: per key (a static-site build fetches many pages in a burst), and failed keys per IP.
        ["api"] = new(600, 60),
        ["api-auth"] = new(30, 60),
        // Newsletter sign-ups: each sends a confirmation mail, so a script must not mail-bomb an address through us.
        ["subscribe"] = new(10, 600),
    };

    private readonly PolicyCache policies = new(config);

    public LimitPolicy PolicyFor(string name) => policies.Get(name, Read);

    private LimitPolicy Read(string name)
    {
        var fallback = Defaults.GetValueOrDefault(name, new LimitPolicy(60, 60));
        var section = config.GetSection($"RateLimits:{name}");
        return new LimitPolicy(
            Math.Max(1, section.GetValue("Permits", fallback.Permits)),
            Math.Max(1, section.GetValue("WindowSeconds", fallback.WindowSeconds)));
    }

    /// <summary>Counts this request; returns null when allowed, else how long until one more request would be.</summary>
    public async Task<TimeSpan?> HitAsync(string policyName, string client, CancellationToken ct)
    {
        var policy = PolicyFor(policyName);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - now % policy.WindowSeconds;
        var hits = await counters.HitAsync(Key(policyName, client), windowStart, policy.WindowSeconds, ct);
        var elapsed = now - windowStart;
        return SlidingWindow.Allows(policy, hits.Previous, hits.Current, elapsed)
            ? null
            : TimeSpan.FromSeconds(SlidingWindow.RetryAfter(policy, hits.Previous, hits.Current, elapsed));
    }

    /// <summary>The counters' key without its window; a long client is cut short, never the window, so two windows never share a counter.</summary>
    public static string Key(string policyName, string client) =>
        $"{policyName}|{(client.Length > 150 ? client[..150] : client)}";
}

/// <summary>
/// Each policy read from configuration once, and again after a reload. The app's
/// ConfigurationManager takes a lock and walks every provider on each lookup; a vote storm's
/// profile (issue 16) put the two policy reads of every vote among its largest costs.
/// </summary>
internal sealed class PolicyCache
{
    private readonly ConcurrentDictionary<string, LimitPolicy> known = new(StringComparer.Ordinal);
    private int version;

    public PolicyCache(IConfiguration config) =>
        ChangeToken.OnChange(config.GetReloadToken, () => { Interlocked.Increment(ref version); known.Clear(); });

    public LimitPolicy Get(string name, Func<string, LimitPolicy> read)
    {
        if (known.TryGetValue(name, out var policy)) return policy;
        var before = Volatile.Read(ref version);
        policy = read(name);
        // A read that raced a reload may hold the old values: used this once, not kept.
        if (Volatile.Read(ref version) == before) known.TryAdd(name, policy);
        return policy;
    }
}
