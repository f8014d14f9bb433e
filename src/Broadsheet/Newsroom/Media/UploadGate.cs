using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsroom.Media;

/// <summary>
/// Decoding and re-encoding a picture takes a core and up to about a hundred megabytes for
/// a second or more, so the instance prepares only Media:Concurrency pictures at once. Up to
/// Media:QueueLength more wait their turn (for Media:QueueSeconds at most); beyond that the
/// uploader is told the server is busy (503 with Retry-After) instead of every upload slowing
/// down together and the memory of all of them being held at once.
/// </summary>
public sealed class UploadGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;
    private readonly TimeSpan wait;

    public UploadGate(IOptions<MediaOptions> options)
    {
        var o = options.Value;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, o.Concurrency),
            QueueLimit = Math.Max(0, o.QueueLength),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        wait = TimeSpan.FromSeconds(Math.Max(1, o.QueueSeconds));
    }

    /// <summary>Seconds a refused uploader is told to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>A turn to prepare one picture (dispose it when done), or null when the queue is full or the wait ran out.</summary>
    public async Task<RateLimitLease?> EnterAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        RateLimitLease lease;
        try { lease = await limiter.AcquireAsync(1, timeout.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return null; }
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
