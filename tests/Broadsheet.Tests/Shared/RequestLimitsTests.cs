using Broadsheet.Data;
using Broadsheet.Shared;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Shared;

/// <summary>The limit's counters in the real database, on a clock the test moves across a window's edge.</summary>
[Trait("Category", "Integration")]
public sealed class RequestLimitsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string Policy = "sliding-test";

    private async Task<TimeSpan?> HitAsync(FakeTimeProvider clock, string client)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"RateLimits:{Policy}:Permits"] = "3",
            [$"RateLimits:{Policy}:WindowSeconds"] = "300",
        }).Build();
        return await new RequestLimits(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), config, clock).HitAsync(Policy, client, CancellationToken.None);
    }

    [Fact]
    public async Task Three_posts_at_the_end_of_a_window_and_one_at_the_start_of_the_next_are_four()
    {
        var client = $"client-{Guid.NewGuid():N}";
        var edge = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 300 + 1) * 300;
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(edge - 2));
        for (var i = 0; i < 3; i++) (await HitAsync(clock, client)).ShouldBeNull();

        clock.Advance(TimeSpan.FromSeconds(2));
        var refused = (await HitAsync(clock, client)).ShouldNotBeNull("a fixed window would have started afresh here");
        // The last window's three fade as this one goes on; two thirds of the way in, 3 * 1/3 + 2 fits.
        refused.ShouldBe(TimeSpan.FromSeconds(200));
        clock.Advance(refused);
        (await HitAsync(clock, client)).ShouldBeNull();

        // One row per window, each request counted, and the earlier row kept while it still weighs.
        var rows = await app.WithDbAsync(db => db.RateLimitCounters.Where(c => c.Key.Contains("|" + client + "|")).OrderBy(c => c.Key).ToListAsync());
        rows.Select(r => r.Hits).ShouldBe([3, 2]);
        rows.Select(r => r.ExpiresAt).ShouldBe([edge + 300, edge + 600]);
    }
}
