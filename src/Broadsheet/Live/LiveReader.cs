using System.Threading.Tasks.Sources;

namespace Broadsheet.Live;

/// <summary>
/// A room's last <see cref="Size"/> frames, kept once for all its readers: a broadcast is one
/// array write, and each reader only remembers how far it has read. Appended under the room's lock.
/// </summary>
internal sealed class LiveLog
{
    // A reader this far behind is a dead or stalled connection: it is dropped, and its browser
    // reconnects with Last-Event-ID and replays what it missed from the database.
    public const int Size = 64;
    private readonly LiveFrame[] frames = new LiveFrame[Size];
    private long written;

    /// <summary>How many frames were ever appended; frame i sits at i % Size until i + Size is appended.</summary>
    public long Written => Volatile.Read(ref written);

    public void Append(LiveFrame frame)
    {
        frames[written % Size] = frame;
        Volatile.Write(ref written, written + 1);
    }

    public LiveFrame At(long index) => Volatile.Read(ref frames[index % Size]);
}

/// <summary>
/// A connected reader: its position in its room's <see cref="LiveLog"/> and a reusable wake-up
/// (no queue, no channel, no allocation per frame or per wait). A reader never delays the
/// others: the room does not wait for it, and one that falls <see cref="LiveLog.Size"/> frames
/// behind is dropped (its browser reconnects with Last-Event-ID and gets exactly what it missed).
/// </summary>
public sealed class LiveReader : IValueTaskSource<bool>
{
    private readonly LiveLog log;
    private ManualResetValueTaskSourceCore<bool> signal = new() { RunContinuationsAsynchronously = true };
    private long next;
    private int waiting;
    private volatile bool ended, dropped;

    internal LiveReader(int articleId, LiveLog log)
    {
        ArticleId = articleId;
        this.log = log;
        next = log.Written;
    }

    public int ArticleId { get; }

    /// <summary>Its place in the room's list of readers, for a removal without a search.</summary>
    internal int Slot { get; set; }

    /// <summary>True once it fell too far behind and was dropped.</summary>
    public bool Dropped => dropped;

    /// <summary>
    /// Completes with true when there may be frames to read, false when the reader is done: it
    /// left, was dropped, or the story ended and every frame before the end was read.
    /// </summary>
    public ValueTask<bool> WaitAsync()
    {
        if (dropped) return new(false);
        if (log.Written > next) return new(true);
        if (ended) return new(false);
        signal.Reset();
        Interlocked.Exchange(ref waiting, 1);
        // A frame or the end may have come between the checks above and the flag: take the flag
        // back if nobody else did; if a wake-up took it, its SetResult completes the wait.
        if ((log.Written > next || ended) && Interlocked.Exchange(ref waiting, 0) == 1) return new(true);
        return new(this, signal.Version);
    }

    /// <summary>The next frame, if any; false (and dropped) when it was overwritten before this reader got to it.</summary>
    public bool TryRead(out LiveFrame frame)
    {
        frame = null!;
        var written = log.Written;
        if (dropped || next >= written) return false;
        if (written - next <= LiveLog.Size)
        {
            frame = log.At(next);
            // Still there after the read: it was not overwritten meanwhile.
            if (log.Written - next <= LiveLog.Size)
            {
                next++;
                return true;
            }
        }
        dropped = true;
        return false;
    }

    /// <summary>Called by the room after each broadcast: resumes the reader if it is waiting.</summary>
    internal void Wake()
    {
        if (Interlocked.Exchange(ref waiting, 0) == 1) signal.SetResult(true);
    }

    /// <summary>No more frames after those already in the log (the story ended, or the reader left).</summary>
    public void End()
    {
        ended = true;
        Wake();
    }

    bool IValueTaskSource<bool>.GetResult(short token) => signal.GetResult(token);
    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => signal.GetStatus(token);
    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        signal.OnCompleted(continuation, state, token, flags);
}
