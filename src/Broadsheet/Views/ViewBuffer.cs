using System.Collections.Concurrent;

namespace Broadsheet.Views;

public readonly record struct PendingView(string Slug, DateOnly Day, string Reader);

/// <summary>
/// Counted views waiting for the next flush. Requests only touch memory here; the flusher
/// writes them in batches. A per-instance "seen today" set drops repeats before they cost a
/// row. Both are bounded: past <c>Views:BufferLimit</c> new views are dropped (and counted),
/// so memory stays flat under a flood and a kill -9 loses at most one interval of views.
/// </summary>
public sealed class ViewBuffer(IConfiguration config)
{
    private readonly int limit = Math.Max(1, config.GetValue("Views:BufferLimit", 100_000));
    private ConcurrentDictionary<PendingView, byte> pending = new();
    private ConcurrentDictionary<PendingView, byte> seen = new();
    private long dropped;

    public int Count => pending.Count;

    /// <summary>Views refused because the buffer was full; the flusher logs and resets it.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref dropped, 0);

    public bool TryAdd(PendingView view)
    {
        if (seen.ContainsKey(view)) return false;
        if (pending.Count >= limit) { Interlocked.Increment(ref dropped); return false; }
        // The dedupe set only needs today; past the bound it starts afresh (the database dedupes anyway).
        if (seen.Count >= limit * 4) seen = new();
        seen.TryAdd(view, 0);
        return pending.TryAdd(view, 0);
    }

    /// <summary>Takes everything pending; new views go to a fresh buffer meanwhile.</summary>
    public IReadOnlyCollection<PendingView> Drain()
    {
        var taken = Interlocked.Exchange(ref pending, new ConcurrentDictionary<PendingView, byte>());
        return [.. taken.Keys];
    }

    /// <summary>Puts back views whose flush failed, as far as the bound allows.</summary>
    public void Restore(IEnumerable<PendingView> views)
    {
        foreach (var v in views)
        {
            if (pending.Count >= limit) { Interlocked.Increment(ref dropped); continue; }
            pending.TryAdd(v, 0);
        }
    }

    /// <summary>At a new day the dedupe set can go: keys carry their day.</summary>
    public void ForgetBefore(DateOnly day)
    {
        foreach (var key in seen.Keys)
            if (key.Day < day) seen.TryRemove(key, out _);
    }
}
