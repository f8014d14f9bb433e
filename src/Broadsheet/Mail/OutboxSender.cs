using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Mail;

/// <summary>
/// Sends what <see cref="MailOutbox"/> queued. Any number of instances run one each. Rows are
/// claimed in batches by one UPDATE (<see cref="OutboxClaims"/>) that only one claimer can win per
/// row, and held for a lease, so a crashed instance's rows are claimed again once it runs out.
/// A batch goes out over one connection (<see cref="IMailSender.ConnectAsync"/>); after each 250
/// the row is marked sent by the instance's group-commit writer (<see cref="OutboxMarks"/>), and
/// the connection sends its next mail only once that mark is committed: a crash resends at most
/// the one mail per connection whose 250 was not yet written down (with its own Message-ID again).
/// Two lanes, each with its own loop: account mail
/// (resets, sign-in links) is never queued behind a newsletter's 100,000 rows.
/// A temporary failure (4xx, a dropped connection) waits with a doubling backoff and is given up
/// after Email:Outbox:MaxAttempts; a permanent one (5xx) fails the row at once, and a 5xx to the
/// address stops it (<see cref="StoppedAddress"/>). Once sent or given up, the body is blanked:
/// it carries reset tokens, sign-in links and unsubscribe links.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IMailSender sender, OutboxClaims claims, OutboxMarks marks,
    IOptionsMonitor<OutboxOptions> options, IOptions<EmailOptions> email, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    private DateTime lastSweep = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled)
        {
            log.LogInformation("Mail outbox sending is off on this instance (Email:Outbox:Enabled=false)");
            return;
        }
        await Task.WhenAll(
            RunLaneAsync(OutboxLanes.Account, () => options.CurrentValue.Parallel, ct),
            RunLaneAsync(OutboxLanes.List, () => options.CurrentValue.ListConnections, ct));
    }

    private async Task RunLaneAsync(int lane, Func<int> workers, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // Several at once: a send waits mostly on the mail server, and each claim is atomic.
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers())).Select(_ => DrainAsync(lane, ct)));
                if (lane == OutboxLanes.Account) await SweepAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // The database may be down or not migrated yet; the rows wait, and the next poll tries again.
                log.LogError(ex, "Mail outbox could not be read");
            }
            // A wall-clock wait, not the TimeProvider: a test's frozen clock must not stop the sender.
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, options.CurrentValue.PollSeconds)), ct); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Sends every row of both lanes that is due and free; returns how many rows it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var handled = await Task.WhenAll(DrainAsync(OutboxLanes.Account, ct), DrainAsync(OutboxLanes.List, ct));
        return handled.Sum();
    }

    private async Task<int> DrainAsync(int lane, CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            var settings = options.CurrentValue;
            var n = await SendBatchAsync(lane, lane == OutboxLanes.List ? settings.ListBatch : settings.AccountBatch, ct);
            handled += n;
            // Finding nothing can mean another sender won the same rows (PostgreSQL makes the loser
            // wait, then finds them taken): go on while any due row is still free.
            if (n == 0 && !await AnyFreeAsync(lane, ct)) return handled;
        }
    }

    private async Task<bool> AnyFreeAsync(int lane, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMails.AnyAsync(m => m.Lane == lane && m.SentAt == null && m.FailedAt == null && m.DueAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now), ct);
    }

    /// <summary>Claims and handles one row (account mail first); false when there was none to claim.</summary>
    public async Task<bool> SendOneAsync(CancellationToken ct) =>
        await SendBatchAsync(OutboxLanes.Account, 1, ct) > 0 || await SendBatchAsync(OutboxLanes.List, 1, ct) > 0;

    /// <summary>Claims up to <paramref name="take"/> rows of a lane and sends them over one connection; returns how many it claimed.</summary>
    public async Task<int> SendBatchAsync(int lane, int take, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var settings = options.CurrentValue;
        var lease = TimeSpan.FromSeconds(Math.Max(1, settings.LeaseSeconds));
        var batch = await claims.ClaimAsync(db, lane, Math.Max(1, take), lease, ct);
        if (batch.Count == 0) return 0;
        var until = clock.GetUtcNow().UtcDateTime + lease;

        var work = new OutboxBatch(db, scope.ServiceProvider, settings, email.Value.From, clock, log);
        await work.LoadStoppedAsync(batch, ct);
        var next = 0;
        // The last 250's mark, still being committed: the next send waits for it.
        var marked = Task.CompletedTask;
        try
        {
            await using var connection = await sender.ConnectAsync(ct);
            var brokenInARow = 0;
            while (next < batch.Count && !ct.IsCancellationRequested)
            {
                if (clock.GetUtcNow().UtcDateTime > until - lease / 2)
                {
                    // A slow relay: keep the rest of the batch ours rather than let another instance take it mid-way.
                    until = clock.GetUtcNow().UtcDateTime + lease;
                    await claims.ExtendAsync(db, batch.Skip(next).Select(r => r.Id), until, ct);
                }
                // Not cancellable: the server has that mail. Also what bounds a crash's resends to one.
                await marked;
                // Counted as tried before the send: a send cut short by shutdown may have reached
                // the server, so that row keeps its lease rather than being handed back at once.
                var row = batch[next++];
                var outcome = await work.SendAsync(connection, row, ct);
                if (outcome == OutboxBatch.Outcome.Sent) marked = marks.SentAsync(row.Id);
                brokenInARow = outcome == OutboxBatch.Outcome.Broken ? brokenInARow + 1 : 0;
                // Twice in a row the connection failed: the server is down; the rest of the batch
                // waits for the next poll rather than each row spending a try on it.
                if (brokenInARow >= 2) break;
            }
        }
        finally
        {
            // Rows not yet tried (server down, shutting down) are handed back at once.
            if (next < batch.Count)
                await claims.ReleaseAsync(db, batch.Skip(next).Select(r => r.Id), clock.GetUtcNow().UtcDateTime + settings.Backoff(1), CancellationToken.None);
            // The batch is done only once every 250 is written down.
            await marked;
        }
        return batch.Count;
    }

    /// <summary>Deletes sent and given-up rows after Email:Outbox:KeepDays, at most every ten minutes per instance.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - lastSweep < TimeSpan.FromMinutes(10)) return;
        lastSweep = now;
        var before = now.AddDays(-Math.Max(0, options.CurrentValue.KeepDays));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await db.OutboxMails.Where(m => m.SentAt < before || m.FailedAt < before).ExecuteDeleteAsync(ct);
        // Bodies no row points at any more; only old ones, so a bulk mail being queued right now
        // (body written, rows not yet) keeps its body.
        await db.OutboxBodies.Where(b => b.CreatedAt < before && !db.Set<OutboxMail>().Any(m => m.BodyId == b.Id)).ExecuteDeleteAsync(ct);
    }
}
