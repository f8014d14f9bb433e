using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Live;

/// <summary>
/// Per instance: heartbeats to every open stream, and a poll of the followed stories' sequences,
/// one query for all of them. Without Redis this poll is how an entry written on another
/// instance reaches this one's readers (within <c>Live:PollMilliseconds</c>); with Redis it only
/// catches a message lost while Redis was away. Stories nobody here follows cost nothing.
/// </summary>
internal sealed class LiveHeartbeat(LiveHub hub, LiveSignal signal, IServiceScopeFactory scopes, IOptions<LiveOptions> options, ILogger<LiveHeartbeat> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        _ = signal.ListenAsync(stopping);
        var o = options.Value;
        var poll = TimeSpan.FromMilliseconds(Math.Max(100, signal.Shared ? o.PollMillisecondsWithRedis : o.PollMilliseconds));
        var heartbeat = TimeSpan.FromSeconds(Math.Max(1, o.HeartbeatSeconds));
        var lastBeat = DateTime.UtcNow;
        using var timer = new PeriodicTimer(poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                if (DateTime.UtcNow - lastBeat >= heartbeat)
                {
                    hub.HeartbeatAll();
                    lastBeat = DateTime.UtcNow;
                }
                await PollAsync(stopping);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var followed = hub.Stories.ToList();
        if (followed.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var ids = followed.Select(f => f.ArticleId).ToList();
            var now = await db.LiveStories.AsNoTracking().Where(s => ids.Contains(s.ArticleId))
                .Select(s => new { s.ArticleId, s.LastSequence, s.EndedAt }).ToListAsync(ct);
            foreach (var s in now)
                if (s.EndedAt is not null || followed.Any(f => f.ArticleId == s.ArticleId && f.Sent < s.LastSequence))
                    hub.Changed(s.ArticleId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Live poll failed; trying again in a moment");
        }
    }
}
