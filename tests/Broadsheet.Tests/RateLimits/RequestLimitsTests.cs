using Broadsheet.RateLimits;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Broadsheet.Tests.RateLimits;

/// <summary>
/// The limit's counters in process memory and in a real Redis, on a clock the test moves across a
/// window's edge: both stores must give the same sliding-window decisions.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RequestLimitsTests
{
    private const string Policy = "sliding-test";

    private static readonly IConfiguration Config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"RateLimits:{Policy}:Permits"] = "3",
        [$"RateLimits:{Policy}:WindowSeconds"] = "300",
    }).Build();

    /// <summary>Three hits just before a window's edge, one just after: refused, then allowed once the old window has faded.</summary>
    private static async Task EdgeScenarioAsync(Func<FakeTimeProvider, ILimitCounters> counters, string client, long edge)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(edge - 2));
        var limits = new RequestLimits(counters(clock), Config, clock);
        for (var i = 0; i < 3; i++) (await limits.HitAsync(Policy, client, CancellationToken.None)).ShouldBeNull();

        clock.Advance(TimeSpan.FromSeconds(2));
        var refused = (await limits.HitAsync(Policy, client, CancellationToken.None)).ShouldNotBeNull("a fixed window would have started afresh here");
        // The last window's three fade as this one goes on; two thirds of the way in, 3 * 1/3 + 2 fits.
        refused.ShouldBe(TimeSpan.FromSeconds(200));
        clock.Advance(refused);
        (await limits.HitAsync(Policy, client, CancellationToken.None)).ShouldBeNull();
    }

    private static long NextEdge() => (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 300 + 1) * 300;

    [Fact]
    public async Task In_memory_three_posts_at_the_end_of_a_window_and_one_at_the_start_of_the_next_are_four()
    {
        var client = $"client-{Guid.NewGuid():N}";
        var edge = NextEdge();
        MemoryLimitCounters? memory = null;
        await EdgeScenarioAsync(clock => memory = new MemoryLimitCounters(clock), client, edge);

        // One counter per window, each request counted.
        memory!.Hits(k => k == $"{Policy}|{client}|{edge - 300}").ShouldBe(3);
        memory.Hits(k => k == $"{Policy}|{client}|{edge}").ShouldBe(2);
    }

    [Fact]
    public async Task In_redis_the_same_posts_get_the_same_answers_and_the_counters_expire_after_two_windows()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var client = $"client-{Guid.NewGuid():N}";
        var edge = NextEdge();
        await EdgeScenarioAsync(clock => new RedisLimitCounters(redis, new MemoryLimitCounters(clock), NullLogger<RedisLimitCounters>.Instance), client, edge);

        var db = redis.GetDatabase();
        var earlier = RedisLimitCounters.KeyOf(RequestLimits.Key(Policy, client), edge - 300);
        var later = RedisLimitCounters.KeyOf(RequestLimits.Key(Policy, client), edge);
        ((long)await db.StringGetAsync(earlier)).ShouldBe(3);
        ((long)await db.StringGetAsync(later)).ShouldBe(2);
        // A counter outlives its window by one more, and no longer.
        (await db.KeyTimeToLiveAsync(later))!.Value.TotalSeconds.ShouldBeInRange(590, 600);
    }
}
