using StackExchange.Redis;
using System.Collections.Concurrent;

namespace Broadsheet.RateLimits;

/// <summary>This fixed window's hits (the request being decided included) and the window before's.</summary>
public readonly record struct LimitHits(long Current, long Previous);

/// <summary>Fixed-window counters for <see cref="RequestLimits"/>: one increment per checked request.</summary>
public interface ILimitCounters
{
    /// <summary>Adds one hit to <paramref name="key"/>'s window starting at <paramref name="windowStart"/> (Unix seconds).</summary>
    Task<LimitHits> HitAsync(string key, long windowStart, int windowSeconds, CancellationToken ct);
}

/// <summary>
/// One box: counters in this process's memory, no database write per request. A restart forgets
/// them, which at worst lets a client start a fresh window early.
/// </summary>
public sealed class MemoryLimitCounters(TimeProvider clock) : ILimitCounters
{
    private sealed class Counter(long expiresAt)
    {
        public long Hits;
        public readonly long ExpiresAt = expiresAt;
    }

    private readonly ConcurrentDictionary<string, Counter> counters = new();
    private long lastSweep;

    public Task<LimitHits> HitAsync(string key, long windowStart, int windowSeconds, CancellationToken ct)
    {
        // A counter outlives its window by one more: it weighs in the next window's decisions.
        var counter = counters.GetOrAdd($"{key}|{windowStart}", static (_, expires) => new Counter(expires), windowStart + 2L * windowSeconds);
        var current = Interlocked.Increment(ref counter.Hits);
        var previous = counters.TryGetValue($"{key}|{windowStart - windowSeconds}", out var p) ? Interlocked.Read(ref p.Hits) : 0;
        Sweep();
        return Task.FromResult(new LimitHits(current, previous));
    }

    /// <summary>Hits held under keys ("policy|client|windowStart") that match: what an operator or a test inspects.</summary>
    public long Hits(Func<string, bool> key) => counters.Where(kv => key(kv.Key)).Sum(kv => Interlocked.Read(ref kv.Value.Hits));

    /// <summary>Dead windows go at most once a minute, so memory stays bounded by the clients of the last two windows.</summary>
    private void Sweep()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var last = Interlocked.Read(ref lastSweep);
        if (now - last < 60 || Interlocked.CompareExchange(ref lastSweep, now, last) != last) return;
        foreach (var (k, c) in counters)
            if (c.ExpiresAt < now) counters.TryRemove(k, out _);
    }
}

/// <summary>
/// Several instances: the counters in Redis, shared by all of them, with the same windows as in
/// memory. One script per request increments this window's counter, sets its expiry on the first
/// hit, and reads the previous window's, atomically. While Redis is away the decision falls back
/// to this instance's own counters (logged), so the site keeps answering with a per-instance limit.
/// </summary>
public sealed class RedisLimitCounters(IConnectionMultiplexer redis, MemoryLimitCounters fallback, ILogger<RedisLimitCounters> log) : ILimitCounters
{
    private const string Script = """
        local c = redis.call('INCR', KEYS[1])
        if c == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        local p = redis.call('GET', KEYS[2])
        return { c, tonumber(p) or 0 }
        """;

    public async Task<LimitHits> HitAsync(string key, long windowStart, int windowSeconds, CancellationToken ct)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script,
                [KeyOf(key, windowStart), KeyOf(key, windowStart - windowSeconds)], [2L * windowSeconds]))!;
            return new LimitHits((long)result[0], (long)result[1]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning("Redis unavailable for rate limits ({Message}); counting in this instance", ex.Message);
            return await fallback.HitAsync(key, windowStart, windowSeconds, ct);
        }
    }

    public static RedisKey KeyOf(string key, long windowStart) => $"ratelimit:{key}|{windowStart}";
}

public static class RateLimitServices
{
    /// <summary>Counters in Redis when an IConnectionMultiplexer is registered (Redis:Configuration), else in memory.</summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<MemoryLimitCounters>();
        services.AddSingleton<ILimitCounters>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisLimitCounters>(sp, redis)
            : sp.GetRequiredService<MemoryLimitCounters>());
        services.AddSingleton<RequestLimits>();
        return services;
    }
}
