namespace Broadsheet.Mail;

/// <summary>
/// One message to one reader. <see cref="Link"/> is the action the mail exists for (confirm,
/// reset, sign in); the file sender logs it so a newcomer without SMTP can still follow it.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html, string? Link = null)
{
    /// <summary>
    /// The one-click unsubscribe URL (RFC 8058). When set, the message carries
    /// <c>List-Unsubscribe: &lt;url&gt;</c> and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>,
    /// which is what makes Gmail and Yahoo show their own unsubscribe button.
    /// </summary>
    public string? Unsubscribe { get; init; }

    /// <summary>
    /// What the newsroom counts this mail under (at most 100 characters, e.g. "newsletter-issue:42").
    /// Null for account mail. A batch is list mail: it goes in the outbox's list lane, never ahead
    /// of account mail, is not sent to stopped addresses, and is queued at most once per address.
    /// </summary>
    public string? Batch { get; init; }

    /// <summary>
    /// The Message-ID to send with (without angle brackets); null mints one. The outbox sets it
    /// from the row, so a mail resent after a crash carries the same id and a receiver can tell.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// A MIME body already built and encoded (a bulk mail's, <see cref="EncodedBody"/>): sent as it
    /// is, in place of one built from <see cref="Text"/> and <see cref="Html"/>.
    /// </summary>
    internal MimeKit.MimeEntity? PreparedBody { get; init; }
}

/// <summary>Sends mail: to .eml files by default, through SMTP when Email:Smtp:Host is set.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);

    /// <summary>
    /// A session for many mails in a row (the outbox sends a claimed batch through one): SMTP
    /// keeps one connection open for all of them. The default sends each mail on its own.
    /// </summary>
    Task<IMailConnection> ConnectAsync(CancellationToken ct = default) => Task.FromResult<IMailConnection>(new OneAtATime(this));

    private sealed class OneAtATime(IMailSender sender) : IMailConnection
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken ct) => sender.SendAsync(mail, ct);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// One sender session. A send that throws <see cref="MailRefusedException"/> was refused for good;
/// anything else is temporary (4xx, a dropped connection) and the next send starts afresh.
/// </summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>
/// The receiving server refused a mail for good (an SMTP 5xx). <see cref="Recipient"/>: it refused
/// the address itself (at RCPT TO), so mail to it should stop; otherwise it refused this message.
/// </summary>
public sealed class MailRefusedException(string reply, bool recipient, Exception? inner = null)
    : Exception($"Refused for good: {reply}", inner)
{
    /// <summary>The server's reply as it came: "550 5.1.1 No such user".</summary>
    public string Reply { get; } = reply;

    public bool Recipient { get; } = recipient;
}
