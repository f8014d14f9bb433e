using System.Threading.Channels;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// Writes the "sent" marks of one batch in the background, in groups, while its connection goes on
/// sending. A commit costs a disk sync (several ms here) or a round trip; one per mail capped a
/// connection at a few hundred mails/s however fast the rest was. So after a 250 the row's id is
/// handed over here, and one writer commits whatever has gathered in ONE statement, at once and
/// again as soon as that commit is done: a mark lands one commit after its 250 at most, also when
/// the connection then stalls (the crash test relies on that). The sender may run at most
/// <see cref="OutboxOptions.MarkAhead"/> mails ahead of the committed marks: that, per list
/// connection, is how many mails a crash can resend (with their own Message-ID).
/// </summary>
internal sealed class OutboxMarks
{
    private readonly Channel<long> sent = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim room;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger log;
    private readonly Task writer;

    public OutboxMarks(IServiceScopeFactory scopes, int ahead, TimeProvider clock, ILogger log)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.log = log;
        room = new SemaphoreSlim(Math.Max(1, ahead));
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Waits until the sender is fewer than MarkAhead mails ahead of the marks; call before each send.</summary>
    public async Task RoomAsync(CancellationToken ct)
    {
        await room.WaitAsync(ct);
        // A writer that gave up frees all the room: the send stops here with its error.
        if (writer.IsFaulted) await writer;
    }

    /// <summary>The send took no mark (failed, skipped, refused: written on their own): its room is free again.</summary>
    public void Free() => room.Release();

    /// <summary>The server answered 250: the row is marked sent with the next group.</summary>
    public void Sent(long id) => sent.Writer.TryWrite(id);

    /// <summary>Every mark handed over is committed (or its failure thrown) when this returns.</summary>
    public Task CompleteAsync()
    {
        sent.Writer.TryComplete();
        return writer;
    }

    private async Task WriteAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var ids = new List<long>();
        try
        {
            while (await sent.Reader.WaitToReadAsync())
            {
                ids.Clear();
                while (ids.Count < 500 && sent.Reader.TryRead(out var id)) ids.Add(id);
                await MarkAsync(db, ids);
                room.Release(ids.Count);
            }
        }
        catch
        {
            room.Release(1_000_000);
            throw;
        }
    }

    private async Task MarkAsync(BroadsheetDb db, List<long> ids)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // Not cancellable: the server has these mails, and the rows must say so. Bodies and
                // links are blanked with the mark: they carry tokens.
                await db.OutboxMails.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null).Blanked(), CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                // A busy or briefly unreachable database: these rows' mails are out, so try again
                // rather than let the lease run out and send them twice.
                log.LogWarning(ex, "Could not mark {Count} sent mails (try {Attempt}); trying again", ids.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
