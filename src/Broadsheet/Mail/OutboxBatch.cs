using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// The rows of one claimed batch, sent one by one by <see cref="OutboxSender"/>: what each row
/// becomes (a message, a resolved request, a bulk body filled in for the reader), and what is
/// written after each try.
/// </summary>
internal sealed class OutboxBatch(BroadsheetDb db, IServiceProvider services, OutboxOptions settings, string from, TimeProvider clock, ILogger log)
{
    public enum Outcome { Sent, Dropped, Skipped, Refused, Deferred, Broken }

    // Encoded once per batch: every reader of a bulk mail gets the same bytes but for their links.
    private readonly Dictionary<long, EncodedBody> bodies = [];
    private HashSet<string> stopped = [];

    /// <summary>The batch's list-mail addresses that are stopped, read once for the whole batch.</summary>
    public async Task LoadStoppedAsync(IReadOnlyList<ClaimedMail> batch, CancellationToken ct)
    {
        var addresses = batch.Where(r => r.Batch is not null).Select(r => StoppedAddresses.Normalize(r.To)).Distinct().ToList();
        if (addresses.Count == 0) return;
        stopped = (await db.StoppedAddresses.Where(s => addresses.Contains(s.Address)).Select(s => s.Address).ToListAsync(ct)).ToHashSet();
    }

    public async Task<Outcome> SendAsync(IMailConnection connection, ClaimedMail row, CancellationToken ct)
    {
        var rows = db.OutboxMails.Where(m => m.Id == row.Id);
        if (row.Batch is not null && stopped.Contains(StoppedAddresses.Normalize(row.To)))
        {
            // Stopped after it was queued: done without sending, counted as skipped.
            var at = clock.GetUtcNow().UtcDateTime;
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, at).SetProperty(m => m.SkippedAt, at).Blanked(), ct);
            return Outcome.Skipped;
        }
        try
        {
            var mail = await MessageOfAsync(row, ct);
            if (mail is null)
            {
                // A request for an address with no account: nothing to send, and no address worth keeping.
                await rows.ExecuteDeleteAsync(ct);
                return Outcome.Dropped;
            }
            if (row.Kind != OutboxKinds.Message && row.Kind != OutboxKinds.Bulk)
            {
                // Written down before sending, so a retry sends this message rather than minting another token.
                await rows.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Kind, OutboxKinds.Message).SetProperty(m => m.Payload, (string?)null)
                    .SetProperty(m => m.Subject, mail.Subject).SetProperty(m => m.Text, mail.Text)
                    .SetProperty(m => m.Html, mail.Html).SetProperty(m => m.Link, mail.Link), ct);
            }
            await connection.SendAsync(mail with { MessageId = MailComposer.MessageIdFor(row.Id, row.CreatedAt, from) }, ct);
        }
        catch (MailRefusedException ex) when (!ct.IsCancellationRequested)
        {
            await RefusedAsync(rows, row, ex, ct);
            return Outcome.Refused;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await FailedAsync(rows, row, ex, ct);
            // An SMTP reply (4xx) came over a working connection; anything else means it broke.
            return ex is MailKit.Net.Smtp.SmtpCommandException ? Outcome.Deferred : Outcome.Broken;
        }

        // The server has the mail: the row is marked sent (and blanked) with the next group of marks.
        return Outcome.Sent;
    }

    /// <summary>A 5xx: the row fails at once (no retry would change the answer); a refused address is stopped.</summary>
    private async Task RefusedAsync(IQueryable<OutboxMail> rows, ClaimedMail row, MailRefusedException ex, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var error = Cut(ex.Reply, 500);
        log.LogWarning("Mail {Id} refused for good by the server: {Reply}", row.Id, ex.Reply);
        if (ex.Recipient)
            await services.GetRequiredService<IStoppedAddresses>().StopAsync(row.To, "Refused by the receiving server", ex.Reply, ct);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.LastError, error).Blanked(), ct);
    }

    private async Task FailedAsync(IQueryable<OutboxMail> rows, ClaimedMail row, Exception ex, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var error = Cut($"{ex.GetType().Name}: {ex.Message}", 500);
        if (row.Attempts >= settings.MaxAttempts)
        {
            log.LogError(ex, "Mail {Id} ({Subject}) given up after {Attempts} tries", row.Id, row.Subject, row.Attempts);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.LastError, error).Blanked(), ct);
            return;
        }
        var due = now + settings.Backoff(row.Attempts);
        log.LogWarning(ex, "Mail {Id} could not be sent (try {Attempts}); next try at {Due:o}", row.Id, row.Attempts, due);
        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DueAt, due).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error), ct);
    }

    private async Task<OutgoingMail?> MessageOfAsync(ClaimedMail row, CancellationToken ct)
    {
        if (row.Kind == OutboxKinds.Message)
            return new OutgoingMail(row.To, row.Subject, row.Text, row.Html, row.Link) { Unsubscribe = row.Unsubscribe, Batch = row.Batch };
        if (row.Kind == OutboxKinds.Bulk)
        {
            var id = row.BodyId ?? throw new InvalidOperationException($"Bulk mail {row.Id} has no body.");
            if (!bodies.TryGetValue(id, out var body))
            {
                var stored = await db.OutboxBodies.AsNoTracking().SingleAsync(b => b.Id == id, ct);
                bodies[id] = body = new EncodedBody(stored.Subject, stored.Text, stored.Html);
            }
            // Text and Html stay empty: the prepared body is what goes out.
            return new OutgoingMail(row.To, body.Subject, "", "")
            {
                Unsubscribe = row.Unsubscribe, Batch = row.Batch, PreparedBody = body.For(row.Unsubscribe, row.Preferences),
            };
        }
        var resolver = services.GetServices<IMailRequestResolver>().FirstOrDefault(r => r.Handles(row.Kind))
            ?? throw new InvalidOperationException($"No resolver for outbox mail of kind '{row.Kind}'.");
        return await resolver.ResolveAsync(row.Kind, row.To, row.Payload, ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
