using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Shared;

public sealed record LimitPolicy(int Permits, int WindowSeconds);

/// <summary>
/// Rate limits keyed on policy and client IP, over a sliding window (<see cref="SlidingWindow"/>)
/// kept as one counter row per fixed window. One upsert per checked request: INSERT .. ON
/// CONFLICT .. RETURNING reads the same on SQLite and PostgreSQL and is atomic on both, so
/// concurrent requests from several instances each see their own count, and the previous
/// window's count with it. Only abusable POSTs are checked: sign-in, sign-up, reset, links,
/// votes, comments and the content API.
/// </summary>
public sealed class RequestLimits(BroadsheetDb db, IConfiguration config, TimeProvider clock)
{
    private static long lastSweep;

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
    };

    public LimitPolicy PolicyFor(string name)
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
        var key = Key(policyName, client, windowStart);
        // A row outlives its window by one more: it weighs in the next window's decisions.
        var expires = windowStart + 2 * policy.WindowSeconds;

        LimitHits hits;
        using (await db.WriteGateAsync(ct))
        {
            // The previous window's count comes back with this one's, in the same round trip.
            hits = await db.Database.SqlQueryRaw<LimitHits>(
                """
                INSERT INTO "RateLimitCounters" ("Key", "Hits", "ExpiresAt") VALUES ({0}, 1, {1})
                ON CONFLICT ("Key") DO UPDATE SET "Hits" = "RateLimitCounters"."Hits" + 1
                RETURNING "Hits" AS "Current",
                    COALESCE((SELECT p."Hits" FROM "RateLimitCounters" AS p WHERE p."Key" = {2}), 0) AS "Previous"
                """, key, expires, Key(policyName, client, windowStart - policy.WindowSeconds)).AsAsyncEnumerable().FirstAsync(ct);

            // Dead windows are swept at most once a minute per instance, so the table stays small
            // without a job, and a flood of first hits does not become a flood of DELETEs.
            var last = Interlocked.Read(ref lastSweep);
            if (now - last >= 60 && Interlocked.CompareExchange(ref lastSweep, now, last) == last)
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "RateLimitCounters" WHERE "ExpiresAt" < {0}""", [now], ct);
        }

        var elapsed = now - windowStart;
        return SlidingWindow.Allows(policy, hits.Previous, hits.Current, elapsed)
            ? null
            : TimeSpan.FromSeconds(SlidingWindow.RetryAfter(policy, hits.Previous, hits.Current, elapsed));
    }

    /// <summary>The row's key; a long client is cut short, never the window, so two windows never share a row.</summary>
    private static string Key(string policyName, string client, long windowStart) =>
        $"{policyName}|{(client.Length > 150 ? client[..150] : client)}|{windowStart}";
}

/// <summary>One row of the limit's upsert: this window's hits (this request included) and the last window's.</summary>
internal sealed record LimitHits(int Current, int Previous);
