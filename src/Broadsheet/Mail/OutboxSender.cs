using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Mail;

/// <summary>
/// Sends what <see cref="MailOutbox"/> queued. Any number of instances run one each: a row is
/// claimed by one UPDATE (below) that only one of them can win, and held for a lease, so a
/// crashed instance's rows are claimed again once the lease runs out. A failed send waits with
/// a doubling backoff, and is given up after Email:Outbox:MaxAttempts. Once sent, or given up,
/// the body is blanked: it carries reset tokens and sign-in links.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IMailSender sender, IOptionsMonitor<OutboxOptions> options,
    IOptions<EmailOptions> email, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    private DateTime lastSweep = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled)
        {
            log.LogInformation("Mail outbox sending is off on this instance (Email:Outbox:Enabled=false)");
            return;
        }
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // Several at once: a send waits mostly on the mail server, and each claim is atomic.
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.CurrentValue.Parallel)).Select(_ => SendDueAsync(ct)));
                await SweepAsync(ct);
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

    /// <summary>Sends every row that is due and free; returns how many rows it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            if (await SendOneAsync(ct)) handled++;
            // Finding nothing can mean another sender won the same row (PostgreSQL makes the loser
            // wait, then finds the row taken): go on while any due row is still free.
            else if (!await AnyFreeAsync(ct)) return handled;
        }
    }

    private async Task<bool> AnyFreeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMails.AnyAsync(m => m.SentAt == null && m.FailedAt == null && m.DueAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now), ct);
    }

    /// <summary>Claims and handles one row; false when there was none to claim.</summary>
    public async Task<bool> SendOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var settings = options.CurrentValue;
        var row = await ClaimAsync(db, settings, ct);
        if (row is null) return false;

        var rows = db.OutboxMails.Where(m => m.Id == row.Id);
        OutgoingMail? mail;
        try
        {
            if (row.Batch is not null && await scope.ServiceProvider.GetRequiredService<IStoppedAddresses>().IsStoppedAsync(row.To, ct))
            {
                // Stopped after it was queued: done without sending, counted as skipped.
                var at = clock.GetUtcNow().UtcDateTime;
                await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, at).SetProperty(m => m.SkippedAt, at)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.Text, "").SetProperty(m => m.Html, ""), ct);
                return true;
            }
            mail = await MessageOfAsync(db, scope.ServiceProvider, row, ct);
            if (mail is null)
            {
                // A request for an address with no account: nothing to send, and no address worth keeping.
                await rows.ExecuteDeleteAsync(ct);
                return true;
            }
            if (row.Kind != OutboxKinds.Message && row.Kind != OutboxKinds.Bulk)
            {
                // Written down before sending, so a retry sends this message rather than minting another token.
                await rows.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Kind, OutboxKinds.Message).SetProperty(m => m.Payload, (string?)null)
                    .SetProperty(m => m.Subject, mail.Subject).SetProperty(m => m.Text, mail.Text)
                    .SetProperty(m => m.Html, mail.Html).SetProperty(m => m.Link, mail.Link), ct);
            }
            await sender.SendAsync(mail with { MessageId = MailComposer.MessageIdFor(row.Id, row.CreatedAt, email.Value.From) }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await FailedAsync(rows, row, settings, ex, ct);
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.Text, "").SetProperty(m => m.Html, "").SetProperty(m => m.Link, (string?)null)
            .SetProperty(m => m.Unsubscribe, (string?)null).SetProperty(m => m.Preferences, (string?)null), CancellationToken.None);
        return true;
    }

    private async Task FailedAsync(IQueryable<OutboxMail> rows, ClaimedMail row, OutboxOptions settings, Exception ex, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var error = $"{ex.GetType().Name}: {ex.Message}";
        if (error.Length > 500) error = error[..500];
        if (row.Attempts >= settings.MaxAttempts)
        {
            log.LogError(ex, "Mail {Id} ({Subject}) given up after {Attempts} tries", row.Id, row.Subject, row.Attempts);
            await rows.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedAt, now).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.Text, "").SetProperty(m => m.Html, "").SetProperty(m => m.Link, (string?)null), ct);
            return;
        }
        var due = now + settings.Backoff(row.Attempts);
        log.LogWarning(ex, "Mail {Id} could not be sent (try {Attempts}); next try at {Due:o}", row.Id, row.Attempts, due);
        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DueAt, due).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error), ct);
    }

    private static async Task<OutgoingMail?> MessageOfAsync(BroadsheetDb db, IServiceProvider services, ClaimedMail row, CancellationToken ct)
    {
        if (row.Kind == OutboxKinds.Message)
            return new OutgoingMail(row.To, row.Subject, row.Text, row.Html, row.Link) { Unsubscribe = row.Unsubscribe, Batch = row.Batch };
        if (row.Kind == OutboxKinds.Bulk)
        {
            var body = await db.OutboxBodies.AsNoTracking().SingleAsync(b => b.Id == row.BodyId, ct);
            var (text, html) = MailComposer.Personalise(body.Text, body.Html, row.Unsubscribe, row.Preferences);
            return new OutgoingMail(row.To, body.Subject, text, html) { Unsubscribe = row.Unsubscribe, Batch = row.Batch };
        }
        var resolver = services.GetServices<IMailRequestResolver>().FirstOrDefault(r => r.Handles(row.Kind))
            ?? throw new InvalidOperationException($"No resolver for outbox mail of kind '{row.Kind}'.");
        return await resolver.ResolveAsync(row.Kind, row.To, row.Payload, ct);
    }

    /// <summary>
    /// One statement, the same text on SQLite and PostgreSQL: pick the oldest due, unclaimed row
    /// and claim it, re-checking the claim in the outer WHERE. Two senders that pick the same row
    /// both try to update it; PostgreSQL makes the second wait for the first and re-evaluates the
    /// outer WHERE against the claimed row, which no longer matches, and SQLite runs one writer at
    /// a time; either way only one gets the row back. The loser finds nothing this round and the
    /// next poll goes on.
    /// </summary>
    private async Task<ClaimedMail?> ClaimAsync(BroadsheetDb db, OutboxOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(Math.Max(1, settings.LeaseSeconds));
        {
            return await db.Database.SqlQueryRaw<ClaimedMail>(
                """
                UPDATE "OutboxMails" SET "ClaimedUntil" = {1}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "OutboxMails"
                    WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {0}
                      AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
                    ORDER BY "DueAt", "Id" LIMIT 1)
                  AND "SentAt" IS NULL AND "FailedAt" IS NULL AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {0})
                RETURNING "Id", "Kind", "To", "Payload", "Subject", "Text", "Html", "Link", "Attempts", "Batch", "BodyId", "Unsubscribe", "Preferences", "CreatedAt"
                """, now, until).AsAsyncEnumerable().FirstOrDefaultAsync(ct);
        }
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

    /// <summary>The claimed row as RETURNING gives it back (a plain class: SqlQuery binds by property name).</summary>
    private sealed class ClaimedMail
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string To { get; set; } = "";
        public string? Payload { get; set; }
        public string Subject { get; set; } = "";
        public string Text { get; set; } = "";
        public string Html { get; set; } = "";
        public string? Link { get; set; }
        public int Attempts { get; set; }
        public string? Batch { get; set; }
        public long? BodyId { get; set; }
        public string? Unsubscribe { get; set; }
        public string? Preferences { get; set; }
        public DateTime CreatedAt { get; set; }
    }
}
