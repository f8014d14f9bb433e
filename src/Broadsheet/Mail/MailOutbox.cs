using System.Text;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Mail;

/// <summary>
/// Queues mail as <see cref="OutboxMail"/> rows on the request's own context: saved with
/// whatever else the context holds (one SaveChanges, one transaction), and inside the caller's
/// transaction when it has opened one. Nothing here talks to a mail server.
/// </summary>
public sealed class MailOutbox(BroadsheetDb db, TimeProvider clock)
{
    public const int MaxBatchLength = 100;

    /// <summary>Rows per INSERT when queuing a bulk mail: well under both engines' parameter limits.</summary>
    private const int Chunk = 500;

    /// <summary>
    /// Queues a whole message. With a <see cref="OutgoingMail.Batch"/> it is list mail: queued at
    /// most once per batch and address (false when it already was), and marked skipped when the
    /// address is stopped.
    /// </summary>
    public async Task<bool> QueueAsync(OutgoingMail mail, CancellationToken ct)
    {
        var row = new OutboxMail
        {
            Kind = OutboxKinds.Message,
            To = mail.To,
            Subject = mail.Subject,
            Text = mail.Text,
            Html = mail.Html,
            Link = mail.Link,
            Unsubscribe = mail.Unsubscribe,
        };
        if (mail.Batch is { } batch)
        {
            row.Batch = CheckBatch(batch);
            row.Lane = OutboxLanes.List;
            if (await db.OutboxMails.AnyAsync(m => m.Batch == batch && m.To == mail.To, ct)) return false;
            var key = StoppedAddresses.Normalize(mail.To);
            if (await db.StoppedAddresses.AnyAsync(s => s.Address == key, ct)) Skip(row);
        }
        await AddAsync(row, ct);
        return true;
    }

    /// <summary>
    /// Queues a request that names only an address; the sender's <see cref="IMailRequestResolver"/>
    /// for <paramref name="kind"/> writes the message, or drops the row when there is nobody to write to.
    /// </summary>
    public Task QueueRequestAsync(string kind, string to, string? payload, CancellationToken ct) =>
        AddAsync(new OutboxMail { Kind = kind, To = to, Payload = payload }, ct);

    /// <summary>
    /// Queues one message to many readers: the body once (<see cref="OutboxBody"/>), a small row per
    /// address (lower-cased, duplicates dropped). Each INSERT of a chunk is atomic and the
    /// (Batch, To) key refuses a second row, so queuing the same batch again after a crash
    /// mid-queue adds only the missing addresses; the first body is kept. Stopped addresses get a
    /// row marked skipped, so the counts show them. Returns how many rows were added.
    /// Runs in the caller's transaction when it has opened one (all or nothing), else chunk by chunk.
    /// </summary>
    public async Task<int> QueueBulkAsync(BulkMail mail, IReadOnlyList<BulkRecipient> to, CancellationToken ct)
    {
        var batch = CheckBatch(mail.Batch);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutboxBodies" ("Batch", "Subject", "Text", "Html", "CreatedAt")
            VALUES ({batch}, {mail.Subject}, {mail.Text}, {mail.Html}, {now})
            ON CONFLICT ("Batch") DO NOTHING
            """, ct);
        var bodyId = await db.OutboxBodies.Where(b => b.Batch == batch).Select(b => b.Id).SingleAsync(ct);

        var recipients = to.Where(r => !string.IsNullOrWhiteSpace(r.To))
            .DistinctBy(r => StoppedAddresses.Normalize(r.To)).ToList();
        var added = 0;
        foreach (var chunk in recipients.Chunk(Chunk))
        {
            var addresses = chunk.Select(r => StoppedAddresses.Normalize(r.To)).ToList();
            var stopped = (await db.StoppedAddresses.Where(s => addresses.Contains(s.Address)).Select(s => s.Address).ToListAsync(ct)).ToHashSet();
            added += await InsertChunkAsync(batch, bodyId, now, chunk, stopped, ct);
        }
        return added;
    }

    private Task<int> InsertChunkAsync(string batch, long bodyId, DateTime now, BulkRecipient[] chunk, HashSet<string> stopped, CancellationToken ct)
    {
        // Shared values are parameters 0-2; each row adds three. Stopped addresses are written
        // done-and-skipped in the same statement, so the chunk stays one atomic INSERT.
        var parameters = new List<object> { batch, bodyId, now };
        var sql = new StringBuilder("""
            INSERT INTO "OutboxMails" ("Kind", "Lane", "Batch", "BodyId", "To", "Unsubscribe", "Preferences",
                "Subject", "Text", "Html", "CreatedAt", "DueAt", "Attempts", "FailedAt", "SkippedAt")
            VALUES
            """);
        for (var i = 0; i < chunk.Length; i++)
        {
            var address = StoppedAddresses.Normalize(chunk[i].To);
            var p = parameters.Count;
            parameters.Add(address);
            parameters.Add(chunk[i].Unsubscribe);
            parameters.Add(chunk[i].Preferences);
            var done = stopped.Contains(address) ? "{2}" : "NULL";
            sql.Append(i == 0 ? "\n" : ",\n")
               .Append($"('{OutboxKinds.Bulk}', {OutboxLanes.List}, {{0}}, {{1}}, {{{p}}}, {{{p + 1}}}, {{{p + 2}}}, '', '', '', {{2}}, {{2}}, 0, {done}, {done})");
        }
        sql.Append("\nON CONFLICT (\"Batch\", \"To\") DO NOTHING");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    /// <summary>Where the batch's mails are; all zero for a batch nobody queued.</summary>
    public async Task<BatchCounts> CountsAsync(string batch, CancellationToken ct = default)
    {
        var row = await Groups(db.OutboxMails.Where(m => m.Batch == batch)).FirstOrDefaultAsync(ct);
        return row is null ? new BatchCounts(0, 0, 0, 0, 0) : Summary(row).Counts;
    }

    /// <summary>The batches, newest first, with their counts (the newsroom's list).</summary>
    public async Task<IReadOnlyList<BatchSummary>> BatchesAsync(int take, CancellationToken ct)
    {
        var rows = await Groups(db.OutboxMails.Where(m => m.Batch != null)).OrderByDescending(g => g.First).Take(take).ToListAsync(ct);
        return [.. rows.Select(Summary)];
    }

    /// <summary>One grouped scan; a plain class so EF can order and page on its members in SQL.</summary>
    private static IQueryable<BatchGroup> Groups(IQueryable<OutboxMail> rows) =>
        rows.AsNoTracking().GroupBy(m => m.Batch).Select(g => new BatchGroup
        {
            Batch = g.Key!,
            First = g.Min(m => m.CreatedAt),
            LastSent = g.Max(m => m.SentAt),
            Queued = g.Count(m => m.SentAt == null && m.FailedAt == null && m.LastError == null),
            Sent = g.Count(m => m.SentAt != null),
            Deferred = g.Count(m => m.SentAt == null && m.FailedAt == null && m.LastError != null),
            Failed = g.Count(m => m.FailedAt != null && m.SkippedAt == null),
            Skipped = g.Count(m => m.SkippedAt != null),
        });

    private static BatchSummary Summary(BatchGroup g) =>
        new(g.Batch, g.First, g.LastSent, new BatchCounts(g.Queued, g.Sent, g.Deferred, g.Failed, g.Skipped));

    private sealed class BatchGroup
    {
        public string Batch { get; init; } = "";
        public DateTime First { get; init; }
        public DateTime? LastSent { get; init; }
        public int Queued { get; init; }
        public int Sent { get; init; }
        public int Deferred { get; init; }
        public int Failed { get; init; }
        public int Skipped { get; init; }
    }

    private static string CheckBatch(string batch) =>
        string.IsNullOrWhiteSpace(batch) || batch.Length > MaxBatchLength
            ? throw new ArgumentException($"A batch is 1 to {MaxBatchLength} characters.", nameof(batch))
            : batch;

    private void Skip(OutboxMail row)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        (row.FailedAt, row.SkippedAt, row.Text, row.Html, row.Link) = (now, now, "", "", null);
    }

    private async Task AddAsync(OutboxMail row, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        row.CreatedAt = now;
        row.DueAt = now;
        db.OutboxMails.Add(row);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Turns a queued request (a kind, an address, one argument) into the message to send, at send
/// time and outside any request; null drops the row (no account has the address).
/// </summary>
public interface IMailRequestResolver
{
    bool Handles(string kind);

    Task<OutgoingMail?> ResolveAsync(string kind, string to, string? payload, CancellationToken ct);
}
