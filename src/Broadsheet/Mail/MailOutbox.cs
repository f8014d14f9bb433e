using Broadsheet.Data;

namespace Broadsheet.Mail;

/// <summary>
/// Queues mail as <see cref="OutboxMail"/> rows on the request's own context: saved with
/// whatever else the context holds (one SaveChanges, one transaction), and inside the caller's
/// transaction when it has opened one. Nothing here talks to a mail server.
/// </summary>
public sealed class MailOutbox(BroadsheetDb db, TimeProvider clock)
{
    /// <summary>Queues a whole message.</summary>
    public Task QueueAsync(OutgoingMail mail, CancellationToken ct) => AddAsync(new OutboxMail
    {
        Kind = OutboxKinds.Message,
        To = mail.To,
        Subject = mail.Subject,
        Text = mail.Text,
        Html = mail.Html,
        Link = mail.Link,
    }, ct);

    /// <summary>
    /// Queues a request that names only an address; the sender's <see cref="IMailRequestResolver"/>
    /// for <paramref name="kind"/> writes the message, or drops the row when there is nobody to write to.
    /// </summary>
    public Task QueueRequestAsync(string kind, string to, string? payload, CancellationToken ct) =>
        AddAsync(new OutboxMail { Kind = kind, To = to, Payload = payload }, ct);

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
