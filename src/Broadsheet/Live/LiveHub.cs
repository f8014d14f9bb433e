using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Broadsheet.Live;

/// <summary>One message for the stream, encoded once and shared by every reader; sequence 0 is a heartbeat.</summary>
public sealed record LiveFrame(long Sequence, byte[] Bytes)
{
    public static readonly LiveFrame Heartbeat = new(0, ": keep-alive\n\n"u8.ToArray());
    public static readonly LiveFrame Ended = new(0, "event: ended\ndata: {}\n\n"u8.ToArray());

    /// <summary><c>id:</c> is the story's sequence, which a reconnecting browser sends back as Last-Event-ID.</summary>
    public static LiveFrame Of(LiveEntry e, long readerPosition, TimeZoneInfo zone)
    {
        var kind = e.DeletedAt is not null ? "deleted" : e.CreatedSequence > readerPosition ? "added" : "edited";
        var deleted = kind == "deleted";
        var data = JsonSerializer.Serialize(new Payload(e.Id, deleted ? "" : LiveEntryHtml.Render(e, zone), e.IsKeyEvent, e.IsPinned,
            e.IsKeyEvent && !deleted ? LiveEntryHtml.TimelineLine(e, zone) : ""));
        return new(e.Sequence, Encoding.UTF8.GetBytes($"id: {e.Sequence}\nevent: {kind}\ndata: {data}\n\n"));
    }

    /// <summary><c>timeline</c> is the key-events timeline's line for a key event (the page's JavaScript puts it in place).</summary>
    private sealed record Payload(int id, string html, bool key, bool pinned, string timeline);
}

/// <summary>
/// This instance's readers of live stories, one room per story. A change (<see cref="Changed"/>,
/// from this instance or another through <see cref="LiveSignal"/> or the poll) makes the room read
/// the entries past what it has sent, in one bounded query, encode each once and append it to the
/// room's <see cref="LiveLog"/>, which every reader reads: the database sees one read per change
/// and instance, never one per reader, and a broadcast costs a wake-up per reader, not a copy.
/// </summary>
public sealed class LiveHub(IServiceScopeFactory scopes, IOptionsMonitor<SiteOptions> site, ILogger<LiveHub> log)
{
    public const int Batch = 200;
    private readonly IServiceScopeFactory scopes = scopes;
    private readonly IOptionsMonitor<SiteOptions> site = site;
    private readonly ILogger<LiveHub> log = log;
    private readonly ConcurrentDictionary<int, Room> rooms = new();

    public int Readers => rooms.Values.Sum(r => r.Count);
    public IEnumerable<(int ArticleId, long Sent)> Stories => rooms.Values.Select(r => (r.ArticleId, r.Sent));

    /// <summary>
    /// Registers a reader before it replays: whatever commits after the room's position is
    /// broadcast to it, whatever committed before is in its replay, so nothing falls between.
    /// </summary>
    public async Task<LiveReader> JoinAsync(int articleId, CancellationToken ct)
    {
        while (true)
        {
            var room = rooms.GetOrAdd(articleId, id => new Room(id, this));
            await room.StartAsync(ct);
            if (room.TryAdd() is { } reader) return reader;
            rooms.TryRemove(new KeyValuePair<int, Room>(articleId, room));
        }
    }

    public void Leave(LiveReader reader)
    {
        if (rooms.TryGetValue(reader.ArticleId, out var room) && room.Remove(reader))
            rooms.TryRemove(new KeyValuePair<int, Room>(reader.ArticleId, room));
    }

    /// <summary>Story N changed somewhere: its room (if any reader here follows it) catches up.</summary>
    public void Changed(int articleId)
    {
        if (rooms.TryGetValue(articleId, out var room)) room.Kick();
    }

    public void HeartbeatAll()
    {
        foreach (var room in rooms.Values) room.Broadcast(LiveFrame.Heartbeat);
    }

    private sealed class Room(int articleId, LiveHub hub)
    {
        private readonly Lock gate = new();
        private readonly SemaphoreSlim startGate = new(1, 1);
        private readonly LiveLog log = new();
        // Iterated under the lock by a broadcast (a wake-up each, quick), changed in place by a join or
        // a leave: no copy of a 10,000-reader array per join, which churned the heap while a crowd arrived.
        private readonly List<LiveReader> readers = [];
        private bool closed, started;
        private int pending, running;

        public int ArticleId { get; } = articleId;
        public long Sent { get; private set; }
        public int Count { get { lock (gate) return readers.Count; } }

        /// <summary>The room's position is the story's sequence when its first reader came.</summary>
        public async Task StartAsync(CancellationToken ct)
        {
            if (started) return;
            await startGate.WaitAsync(ct);
            try
            {
                if (started) return;
                await using var scope = hub.scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                Sent = await db.LiveStories.Where(s => s.ArticleId == ArticleId).Select(s => s.LastSequence).FirstOrDefaultAsync(ct);
                started = true;
            }
            finally { startGate.Release(); }
        }

        /// <summary>A new reader, positioned at the log's end (under the lock, so no frame falls between); null once the room closed.</summary>
        public LiveReader? TryAdd()
        {
            lock (gate)
            {
                if (closed) return null;
                var reader = new LiveReader(ArticleId, log) { Slot = readers.Count };
                readers.Add(reader);
                return reader;
            }
        }

        /// <summary>True when the room is now empty and closed.</summary>
        public bool Remove(LiveReader reader)
        {
            lock (gate)
            {
                var slot = reader.Slot;
                if (slot >= readers.Count || readers[slot] != reader) return false;
                var last = readers[^1];
                readers[slot] = last;
                last.Slot = slot;
                readers.RemoveAt(readers.Count - 1);
                if (readers.Count > 0) return false;
                closed = true;
                return true;
            }
        }

        public void Broadcast(LiveFrame frame)
        {
            lock (gate)
            {
                log.Append(frame);
                foreach (var r in readers) r.Wake();
            }
        }

        private void EndAll()
        {
            lock (gate)
                foreach (var r in readers) r.End();
        }

        /// <summary>Runs one catch-up at a time; a change arriving meanwhile runs another after it.</summary>
        public void Kick()
        {
            // Before its start the room has no reader: a first reader's replay covers what committed until then.
            if (!Volatile.Read(ref started)) return;
            Interlocked.Exchange(ref pending, 1);
            if (Interlocked.CompareExchange(ref running, 1, 0) != 0) return;
            _ = Task.Run(async () =>
            {
                try
                {
                    while (Interlocked.Exchange(ref pending, 0) == 1) await CatchUpAsync();
                }
                catch (Exception ex)
                {
                    // The poll kicks again; readers lose nothing, since the position only moves on success.
                    hub.log.LogWarning(ex, "Live story {Id}: could not read new entries", ArticleId);
                }
                finally
                {
                    Volatile.Write(ref running, 0);
                    if (Volatile.Read(ref pending) == 1) Kick();
                }
            });
        }

        private async Task CatchUpAsync()
        {
            await using var scope = hub.scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var zone = hub.site.CurrentValue.Zone();
            while (true)
            {
                var changes = await LiveFeed.ChangesAsync(db, ArticleId, Sent, Batch, CancellationToken.None);
                foreach (var e in changes)
                {
                    Broadcast(LiveFrame.Of(e, Sent, zone));
                    Sent = e.Sequence;
                }
                if (changes.Count < Batch) break;
            }
            var ended = await db.LiveStories.AnyAsync(s => s.ArticleId == ArticleId && s.EndedAt != null);
            if (ended)
            {
                Broadcast(LiveFrame.Ended);
                EndAll();
            }
        }
    }
}
