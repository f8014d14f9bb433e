namespace Broadsheet.Views;

/// <summary>
/// One reader's view of one article on one day. Equality leaves the referrer out on purpose: the
/// buffer's sets drop repeat views by (article, day, reader), so a reader arriving twice from two
/// sites is one view, credited to the first.
/// </summary>
public readonly record struct PendingView(string Slug, DateOnly Day, long Reader, string? Referrer = null)
{
    public bool Equals(PendingView other) => Slug == other.Slug && Day == other.Day && Reader == other.Reader;
    public override int GetHashCode() => HashCode.Combine(Slug, Day, Reader);
}

/// <summary>
/// Counted views waiting for the next flush. Requests only touch memory here; the flusher
/// writes them in batches. A per-instance "seen today" set drops repeats before they cost a
/// row. Both are bounded: past <c>Views:BufferLimit</c> new views are dropped (and counted),
/// so memory stays flat under a flood and a kill -9 loses at most one interval of views.
/// One short lock guards both sets: a lock-free swap could let a view land in a set the
/// flusher has already taken, and be lost. Referring domains are capped too
/// (<c>Views:ReferrerDomainLimit</c> distinct ones per flush, each kept once): past the cap a
/// view still counts, without its referrer.
/// </summary>
public sealed class ViewBuffer(IConfiguration config)
{
    private readonly int limit = Math.Max(1, config.GetValue("Views:BufferLimit", 100_000));
    private readonly int domainLimit = Math.Max(0, config.GetValue("Views:ReferrerDomainLimit", 1000));
    private readonly Lock sync = new();
    private HashSet<string> domains = new(StringComparer.Ordinal);
    private HashSet<PendingView> pending = [];
    private HashSet<PendingView> seen = [];
    private long dropped;

    public int Count { get { lock (sync) return pending.Count; } }

    /// <summary>Views refused because the buffer was full; the flusher logs and resets it.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref dropped, 0);

    public bool TryAdd(PendingView view)
    {
        lock (sync)
        {
            if (seen.Contains(view)) return false;
            if (pending.Count >= limit) { Interlocked.Increment(ref dropped); return false; }
            // The dedupe set only needs today; past its bound it starts afresh (the database dedupes anyway).
            if (seen.Count >= limit * 4) seen = [];
            seen.Add(view);
            return pending.Add(view with { Referrer = Domain(view.Referrer) });
        }
    }

    /// <summary>Takes everything pending; new views go to a fresh set meanwhile.</summary>
    public IReadOnlyCollection<PendingView> Drain()
    {
        lock (sync)
        {
            var taken = pending;
            pending = [];
            domains = new(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>The one shared copy of a domain, or null once this flush has its fill of distinct domains. Call under the lock.</summary>
    private string? Domain(string? domain)
    {
        if (domain is null) return null;
        if (domains.TryGetValue(domain, out var known)) return known;
        if (domains.Count >= domainLimit) return null;
        domains.Add(domain);
        return domain;
    }

    /// <summary>Puts back views whose flush failed, as far as the bound allows.</summary>
    public void Restore(IEnumerable<PendingView> views)
    {
        lock (sync)
            foreach (var v in views)
                if (pending.Count < limit) pending.Add(v);
                else Interlocked.Increment(ref dropped);
    }

    /// <summary>At a new day the dedupe set can go: keys carry their day.</summary>
    public void ForgetBefore(DateOnly day)
    {
        lock (sync) seen.RemoveWhere(v => v.Day < day);
    }
}
