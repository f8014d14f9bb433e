using Broadsheet.Shared;
using Broadsheet.Api;
using Broadsheet.RateLimits;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Api;

[Trait("Category", "Integration")]
public sealed class ApiLimitTests(TightApiApp app) : IClassFixture<TightApiApp>
{
    private static int nextClient;

    /// <summary>A client address of the test's own, forwarded the way a trusted proxy (loopback) does.</summary>
    private HttpClient From(string? key = null)
    {
        var client = key is null ? app.Client() : app.KeyedClient(key);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref nextClient)}");
        return client;
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_a_429_problem_with_retry_after_and_another_key_does_not()
    {
        var key = await app.ApiKeyAsync();
        using var client = From(key);
        for (var i = 0; i < 2; i++) ((int)(await client.GetAsync("/api/v1/tags")).StatusCode).ShouldBe(200);

        var refused = await client.GetJsonAsync("/api/v1/tags");
        refused.ShouldBeProblem(429).ShouldStartWith("Too many requests");
        int.Parse(refused.Response.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 7200); // within two windows
        ApiKeyFormat.TryGetPrefix(key, out var prefix);
        app.Services.GetRequiredService<MemoryLimitCounters>().Hits(k => k.StartsWith($"{ApiKeyFilter.KeyPolicy}|{prefix}|")).ShouldBe(3);

        using var other = From(await app.ApiKeyAsync());
        ((int)(await other.GetAsync("/api/v1/tags")).StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Repeated_failed_keys_from_one_address_get_429_instead_of_401()
    {
        using var client = From("bs_wrongwro_0123456789012345678901234567890123456789");
        for (var i = 0; i < 2; i++) (await client.GetJsonAsync("/api/v1/articles")).ShouldBeProblem(401);

        var refused = await client.GetJsonAsync("/api/v1/articles");
        refused.ShouldBeProblem(429);
        refused.Response.Headers.Contains("Retry-After").ShouldBeTrue();
    }
}
