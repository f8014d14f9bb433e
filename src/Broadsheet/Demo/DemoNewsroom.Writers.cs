using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using System.Threading.Channels;

namespace Broadsheet.Demo;

// The seed's parallel writers (issue 17): on PostgreSQL each batch's search vectors cost more
// than writing the rows, and one connection parses on one core.
public sealed partial class DemoNewsroom
{
    private sealed record QueuedBatch(int Index, List<NewArticle> Batch, Dictionary<string, int> TagIds);

    /// <summary>One of the parallel writers, on a connection of its own for the whole load.</summary>
    private async Task WriteBatchesAsync(ChannelReader<QueuedBatch> batches, BatchOrder order, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await db.Database.OpenConnectionAsync(ct);
        await db.BeforeBulkLoadAsync(ct);
        await foreach (var queued in batches.ReadAllAsync(ct))
        {
            await InsertAsync(db, queued.Batch, queued.TagIds, now, ct);
            order.Done(queued.Index, queued.Batch.Count);
        }
    }

    /// <summary>Reports progress in batch order, so the count shown only ever covers a prefix of the load.</summary>
    private sealed class BatchOrder(IProgress<int>? progress)
    {
        private readonly Dictionary<int, int> finished = [];
        private int next, done;

        public void Done(int index, int size)
        {
            lock (finished)
            {
                finished[index] = size;
                // A batch that finished before the one ahead of it is reported right after that one.
                while (finished.Remove(next, out var n))
                {
                    (next, done) = (next + 1, done + n);
                    progress?.Report(done);
                }
            }
        }
    }
}
