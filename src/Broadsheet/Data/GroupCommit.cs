using System.Data.Common;
using System.Threading.Channels;

namespace Broadsheet.Data;

/// <summary>
/// Group commit for small, hot writes (votes, follows). Requests validate what they can on their
/// own, then hand their change to this writer and wait. One loop per instance takes whatever is
/// waiting (up to <see cref="MaxBatch"/>) and applies it in ONE transaction, while the next batch
/// gathers behind it; so the cost of a commit (a WAL sync, a round trip) is shared by everyone
/// who arrived meanwhile, and under load batches grow by themselves. A request is answered only
/// after its batch has committed: an acknowledged write is on disk.
///
/// A batch that fails is not allowed to sink its neighbours: it is retried once item by item,
/// and each item then answers for itself. Serialization failures and deadlocks (PostgreSQL, when
/// several instances lock the same rows) are retried whole, a few times.
/// </summary>
public abstract class GroupCommit<T>(IServiceScopeFactory scopes, ILogger log) : BackgroundService
{
    private sealed record Pending(T Item, TaskCompletionSource Done);

    // Bounded, so a flood waits at the door instead of growing memory; far above any batch.
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long batches, items;

    /// <summary>Transactions committed and items they held since start: how well writes are grouped.</summary>
    public (long Batches, long Items) Committed => (Interlocked.Read(ref batches), Interlocked.Read(ref items));

    /// <summary>Most items in one transaction: keeps a batch's statements within parameter limits and its locks short.</summary>
    protected virtual int MaxBatch => 500;

    /// <summary>Applies the batch's items, in arrival order, inside the open transaction on <paramref name="db"/>.</summary>
    protected abstract Task ApplyAsync(BroadsheetDb db, IReadOnlyList<T> batch, CancellationToken ct);

    /// <summary>
    /// Queues the change and completes once the transaction holding it has committed. Throws what
    /// applying it threw, or <see cref="WriterStoppedException"/> when the app is shutting down.
    /// </summary>
    public async Task SubmitAsync(T item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try { await queue.Writer.WriteAsync(new Pending(item, done), ct); }
        catch (ChannelClosedException) { throw new WriterStoppedException(); }
        // Once queued it will be applied whether or not the client still waits, so the answer
        // is not cancelled with the request: nothing half-done is left behind either way.
        await done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: at shutdown the channel is closed (StopAsync) and what is already
        // queued is still applied, so no waiting request is dropped.
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await RunAsync(batch.Select(p => p.Item).ToList());
            foreach (var p in batch) p.Done.TrySetResult();
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            log.LogWarning(ex, "A batch of {Count} failed; applying its items one by one", batch.Count);
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
            return;
        }
        foreach (var p in batch)
        {
            try
            {
                await RunAsync([p.Item]);
                p.Done.TrySetResult();
            }
            catch (Exception ex) { p.Done.TrySetException(ex); }
        }
    }

    private async Task RunAsync(IReadOnlyList<T> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await ApplyAsync(db, items, CancellationToken.None);
                await tx.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref batches);
                Interlocked.Add(ref this.items, items.Count);
                return;
            }
            catch (DbException ex) when (attempt < 5 && IsConflict(ex))
            {
                log.LogInformation("Batch of {Count} hit {State} on attempt {Attempt}; retrying", items.Count, ex.SqlState, attempt);
                await Task.Delay(Random.Shared.Next(1, 10 * attempt));
            }
        }
    }

    /// <summary>PostgreSQL's serialization failure and deadlock: the transaction was rolled back whole and may simply run again.</summary>
    private static bool IsConflict(DbException ex) => ex.SqlState is "40001" or "40P01";
}

/// <summary>The writer no longer takes changes: the app is stopping.</summary>
public sealed class WriterStoppedException() : Exception("The app is shutting down; the change was not taken.");
