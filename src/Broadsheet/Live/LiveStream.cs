using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Globalization;

namespace Broadsheet.Live;

/// <summary>
/// <c>GET /live/{id}/events</c>: Server-Sent Events for one live story. A reader gets, in order,
/// every change with a sequence past its position (the <c>Last-Event-ID</c> a reconnecting
/// browser sends, or <c>?after=</c> the page rendered at), then the room's broadcast, skipping
/// anything at or below what it was already sent: no gap, no duplicate.
/// </summary>
public static class LiveStream
{
    /// <summary>A reader further behind than this reloads the page instead of replaying.</summary>
    public const int ReplayLimit = 500;

    /// <summary>
    /// Serves <c>GET /live/{id}/events</c> here, early in the pipeline, instead of at the endpoint:
    /// a stream is held open for hours, and each middleware it passed through on the way to an
    /// endpoint (authentication, authorization, the output cache, hole splicing, the request's
    /// service scope...) would keep its state alive for as long: about 3 KB a reader, a seventh of
    /// what a held stream costs (docs/live.md). A stream needs none of them: it is anonymous,
    /// never cached and never compressed.
    /// </summary>
    public static IApplicationBuilder UseLiveStreams(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        return app.Use((http, next) =>
            HttpMethods.IsGet(http.Request.Method) && StoryOf(http.Request.Path) is { } id
                ? ServeAsync(id, http, services)
                : next(http));
    }

    /// <summary>The endpoint answers what the middleware leaves (405 for other methods), and documents the route.</summary>
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live/{id:int}/events", (int id, HttpContext http) => ServeAsync(id, http, http.RequestServices)).ExcludeFromDescription();
        return app;
    }

    /// <summary>N for /live/N/events, as the route's {id:int} reads it.</summary>
    internal static int? StoryOf(PathString path)
    {
        if (!path.StartsWithSegments("/live", StringComparison.Ordinal, out var rest) || !rest.HasValue) return null;
        var s = rest.Value.AsSpan(1);
        var slash = s.IndexOf('/');
        return slash > 0 && s[(slash + 1)..] is "events" && int.TryParse(s[..slash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id : null;
    }

    private static async Task ServeAsync(int id, HttpContext http, IServiceProvider services)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var hub = services.GetRequiredService<LiveHub>();
        var ct = http.RequestAborted;
        long after;
        List<LiveEntry> replay;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Its own short scope: a connection may stay open for hours and holds no context meanwhile.
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            // Only while its story is live for readers: a story taken down (or sent back to draft)
            // mid-coverage must not keep streaming its entries to anyone who knows its number.
            var readable = db.Articles.Live(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var story = await db.LiveStories.AsNoTracking()
                .FirstOrDefaultAsync(s => s.ArticleId == id && readable.Any(a => a.Id == id), ct);
            // A bare status: the site's own 404 page is rendered for it further out (StatusCodePages).
            if (story is null) { http.Response.StatusCode = StatusCodes.Status404NotFound; return; }
            // 204 tells EventSource to stop reconnecting: the coverage is over and the page is whole on reload.
            if (!story.IsRunning) { http.Response.StatusCode = StatusCodes.Status204NoContent; return; }
            var position = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? http.Request.Query["after"].FirstOrDefault();
            if (position is null) after = story.LastSequence;
            else if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                await Results.Problem(statusCode: 400, title: "Last-Event-ID must be a whole number.").ExecuteAsync(http);
                return;
            }
            replay = [];
        }
        var site = services.GetRequiredService<IOptionsMonitor<SiteOptions>>();
        var options = services.GetRequiredService<IOptions<LiveOptions>>();

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // nginx: pass each event on as it is written (deploy/nginx sets the same on the location).
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var retry = options.Value.RetryMilliseconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync($"retry: {retry}\n\n", ct);
        await response.Body.FlushAsync(ct);

        var reader = await hub.JoinAsync(id, ct);
        try
        {
            var sent = after;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                replay = await LiveFeed.ChangesAsync(db, id, after, ReplayLimit + 1, ct);
            }
            if (replay.Count > ReplayLimit)
            {
                await response.WriteAsync("event: reload\ndata: {}\n\n", ct);
                return;
            }
            var zone = site.CurrentValue.Zone();
            foreach (var e in replay)
            {
                await response.Body.WriteAsync(LiveFrame.Of(e, after, zone).Bytes, ct);
                sent = e.Sequence;
            }
            await response.Body.FlushAsync(ct);

            // The reader's wait is woken by a broadcast or by its end; a closed connection ends it.
            using var leaving = ct.UnsafeRegister(static r => ((LiveReader)r!).End(), reader);
            while (await reader.WaitAsync())
            {
                while (reader.TryRead(out var frame))
                {
                    if (frame.Sequence != 0 && frame.Sequence <= sent) continue;
                    await response.Body.WriteAsync(frame.Bytes, ct);
                    if (frame.Sequence != 0) sent = frame.Sequence;
                }
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader left.
        }
        finally
        {
            hub.Leave(reader);
        }
    }
}

public sealed class LiveOptions
{
    /// <summary>How long a browser waits before reconnecting (the stream's <c>retry:</c>).</summary>
    public int RetryMilliseconds { get; set; } = 2000;
    /// <summary>A comment line this often keeps proxies from closing an idle stream (nginx's read timeout is longer).</summary>
    public int HeartbeatSeconds { get; set; } = 15;
    /// <summary>How often each instance compares its rooms' positions with the database: the only path between instances without Redis, a safety net with it.</summary>
    public int PollMilliseconds { get; set; } = 1000;
    public int PollMillisecondsWithRedis { get; set; } = 5000;
}
