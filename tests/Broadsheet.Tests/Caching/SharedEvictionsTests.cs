using Broadsheet.Caching;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Caching;

/// <summary>Redis configured but not there (nothing listens on the port): the site must not notice.</summary>
public sealed class RedisAwayApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Redis:Configuration", $"127.0.0.1:{Ports.Free()},connectTimeout=500")];
}

/// <summary>
/// Evictions go to other instances over Redis when it is configured (Shared/ScaleOutTests proves
/// they arrive). Without Redis at hand they are best effort: this instance still evicts, pages are
/// still served, and the failed announcement is a warning, not an error page or a lost save.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedEvictionsTests(RedisAwayApp app) : IClassFixture<RedisAwayApp>
{
    [Fact]
    public async Task With_redis_away_pages_are_served_and_an_eviction_still_clears_this_instance()
    {
        var article = await app.ArticleAsync();
        var (first, _) = await app.GetPageAsync($"/articles/{article.Slug}");
        var (cached, _) = await app.GetPageAsync($"/articles/{article.Slug}");
        first.IsSuccessStatusCode.ShouldBeTrue();
        cached.Headers.Age.ShouldNotBeNull();

        await app.ContentChangedAsync();

        var (fresh, _) = await app.GetPageAsync($"/articles/{article.Slug}");
        fresh.Headers.Age.ShouldBeNull();
        app.Logs.Lines.ShouldContain(l => l.Level == LogLevel.Warning && l.Message.Contains("Could not tell other instances to evict content"));
    }
}
