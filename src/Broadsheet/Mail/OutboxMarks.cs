using System.Threading.Channels;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// Writes the "sent" marks of every list connection of this instance, in group commits. A commit
/// costs a disk sync (about 8 ms here) or a round trip; one per mail capped a connection at a
/// hundred mails a second. So after a 250 the row's id is handed over here, and one writer commits
/// whatever has gathered, from all connections, in ONE statement, at once and again as soon as
/// that commit is done. Each connection waits for its mail's mark before it sends the next mail
/// (<see cref="OutboxSender"/>), so a crash can resend at most the one mail per connection whose
/// 250 came in and whose mark was not yet committed: the window SMTP leaves open anyway. The
/// throughput comes from the connections sharing commits, not from running ahead of them.
/// </summary>
public sealed class OutboxMarks : IAsyncDisposable
{
    private sealed record Pending(long Id, TaskCompletionSource Done);

    private readonly Channel<Pending> sent = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<OutboxMarks> log;
    private readonly Task writer;
    private long commits, marks;

    public OutboxMarks(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxMarks> log)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.log = log;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Commits and the marks they held since start: how well the connections share commits.</summary>
    public (long Commits, long Marks) Committed => (Interlocked.Read(ref commits), Interlocked.Read(ref marks));

    /// <summary>
    /// The server answered 250 for row <paramref name="id"/>: completes once its mark is committed,
    /// or throws when it could not be written. Not cancellable: the server has the mail.
    /// </summary>
    public Task SentAsync(long id)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!sent.Writer.TryWrite(new Pending(id, done)))
            done.SetException(new InvalidOperationException("The outbox's mark writer has stopped."));
        return done.Task;
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>();
        while (await sent.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < 500 && sent.Reader.TryRead(out var pending)) group.Add(pending);
            try
            {
                await MarkAsync(group);
                Interlocked.Increment(ref commits);
                Interlocked.Add(ref marks, group.Count);
                foreach (var p in group) p.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                // The connections waiting on these stop with the error; their rows keep the lease
                // and go out again after it (the one case where more than one mail is resent).
                log.LogError(ex, "Could not mark {Count} sent mails", group.Count);
                foreach (var p in group) p.Done.TrySetException(ex);
            }
        }
    }

    private async Task MarkAsync(List<Pending> group)
    {
        var ids = group.Select(p => p.Id).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                var now = clock.GetUtcNow().UtcDateTime;
                // Bodies and links are blanked with the mark: they carry tokens.
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

    /// <summary>Every mark handed over is written (or failed) before the app lets go of the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        sent.Writer.TryComplete();
        await writer;
    }
}
