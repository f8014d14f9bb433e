using StackExchange.Redis;

namespace Broadsheet.Live;

/// <summary>
/// "Story N has a change": said in process to this instance's <see cref="LiveHub"/>, and on
/// Redis (when <c>Redis:Configuration</c> is set, the connection the page cache opened) to every
/// other instance's hub, as <c>SharedEvictions</c> does for cached pages. The message carries no
/// entry: each hub reads what it has not yet sent, once for all its readers. Without Redis, other
/// instances find the change by a short poll of the story's sequence (<see cref="LiveHeartbeat"/>).
/// </summary>
public sealed class LiveSignal(LiveHub hub, IConnectionMultiplexer? redis, ILogger<LiveSignal> log)
{
    public const string Channel = "broadsheet:live";

    public bool Shared => redis is not null;

    public async Task ChangedAsync(int articleId)
    {
        hub.Changed(articleId);
        if (redis is null) return;
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), articleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Saved; other instances find it at their next poll of the sequence.
            log.LogWarning(ex, "Could not tell other instances about live story {Id}; their poll finds it", articleId);
        }
    }

    /// <summary>Hears other instances' changes; retries while Redis is away (the poll covers the gap).</summary>
    public async Task ListenAsync(CancellationToken stopping)
    {
        if (redis is null) return;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Channel));
                queue.OnMessage(m =>
                {
                    if (int.TryParse((string?)m.Message, out var id)) hub.Changed(id);
                });
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                log.LogWarning(ex, "Could not subscribe to {Channel} yet; the poll covers other instances' entries meanwhile", Channel);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stopping); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
