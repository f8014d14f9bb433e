using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Broadsheet.Caching;

/// <summary>
/// The output cache as every instance keeps it: pages in this instance's memory, so a hit costs
/// no network hop, while an eviction made here is also published on Redis (when
/// <c>Redis:Configuration</c> is set) and carried out by every other instance. Without Redis, or
/// while it is unreachable, the instances' copies can differ for at most the page lifetime
/// (<c>Caching:PageSeconds</c>); nothing in the cache is ever the truth, only a copy of it.
/// </summary>
public sealed class SharedEvictions(IOutputCacheStore local, IEnumerable<IContentCopy> copies, IConnectionMultiplexer? redis, ILogger<SharedEvictions> log)
    : IOutputCacheStore
{
    public const string Channel = "broadsheet:output-cache:evict";

    // Messages carry the sender so an instance does not evict twice what it has just evicted.
    private readonly string instance = Guid.NewGuid().ToString("N");

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => local.GetAsync(key, ct);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct) =>
        local.SetAsync(key, value, tags, validFor, ct);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        await EvictHereAsync(tag, ct);
        if (redis is null) return;
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), $"{instance}|{tag}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The edit is saved; other instances show it once their copy expires.
            log.LogWarning(ex, "Could not tell other instances to evict {Tag}; they catch up within the page lifetime", tag);
        }
    }

    /// <summary>
    /// Starts carrying out other instances' evictions here. If Redis is not there yet, keeps
    /// trying in the background: the app serves meanwhile, with copies bounded by the lifetime.
    /// </summary>
    public async Task ListenAsync(CancellationToken stopping)
    {
        if (redis is null) return;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Once subscribed, the client renews the subscription itself after a reconnect.
                var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Channel));
                queue.OnMessage(OnMessageAsync);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                log.LogWarning(ex, "Could not subscribe to {Channel} yet; other instances' evictions reach this one once it can", Channel);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        var text = (string?)message.Message ?? "";
        var bar = text.IndexOf('|');
        if (bar <= 0 || text[..bar] == instance) return;
        await EvictHereAsync(text[(bar + 1)..], CancellationToken.None);
    }

    private async ValueTask EvictHereAsync(string tag, CancellationToken ct)
    {
        await local.EvictByTagAsync(tag, ct);
        // Copies such as the navigation are part of every page: drop them with the pages, so a re-rendered page is current.
        if (tag == PageCache.ContentTag)
            foreach (var copy in copies) copy.Forget();
    }
}

/// <summary>Subscribes to other instances' evictions when the app starts.</summary>
internal sealed class SharedEvictionsListener(IOutputCacheStore store) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stopping) =>
        store is SharedEvictions shared ? shared.ListenAsync(stopping) : Task.CompletedTask;
}
