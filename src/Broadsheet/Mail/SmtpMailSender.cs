using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Broadsheet.Mail;

/// <summary>Delivers mail through the configured SMTP relay.</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailSender> log) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        // A fresh connection for a lone message: account mail is rare, and a held-open connection
        // would only time out on the relay's side between sends.
        await using var connection = new SmtpConnection(options.Value, clock, log);
        await connection.SendAsync(mail, ct);
    }

    public Task<IMailConnection> ConnectAsync(CancellationToken ct = default) =>
        Task.FromResult<IMailConnection>(new SmtpConnection(options.Value, clock, log));
}

/// <summary>
/// One SMTP connection held across many mails (a batch): connected on the first send, and again
/// on the next send after it dropped. A 5xx becomes <see cref="MailRefusedException"/>; a 4xx or
/// a network error is thrown as it is, for the outbox to retry later.
/// </summary>
internal sealed class SmtpConnection(EmailOptions email, TimeProvider clock, ILogger log) : IMailConnection
{
    private readonly SmtpClient client = new();

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = email.Smtp;
        // AddEmail only picks this sender when a host is set; this guards a hand-made registration.
        var host = smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
        using var message = MailComposer.Compose(mail, email.From, clock.GetUtcNow());
        try
        {
            if (!client.IsConnected)
            {
                await client.ConnectAsync(await NoDelaySocketAsync(host, smtp.Port, ct), host, smtp.Port, SocketOptions(smtp.Security), ct);
                if (!string.IsNullOrEmpty(smtp.Username))
                    await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500
            && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // MailKit has already sent RSET, so the connection stays usable for the next mail.
            // A 5xx to MAIL FROM or to a command is about us (the sender, the session), not the
            // reader: it stays an ordinary failure and is retried.
            throw new MailRefusedException($"{(int)ex.StatusCode} {ex.Message}", ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted, ex);
        }
        catch (Exception ex) when (ex is not SmtpCommandException && ex is not OperationCanceledException)
        {
            // The connection is in an unknown state (dropped, timed out, garbled): start afresh next time.
            await DropAsync();
            throw;
        }

        // The link is left out here: unlike the file sender, the reader really gets the mail,
        // and a sign-in link in the log would let anyone reading the log use it.
        if (mail.Batch is null) log.LogInformation("Mail to {To} sent through {Host}: {Subject}", mail.To, host, mail.Subject);
    }

    private async Task DropAsync()
    {
        try { if (client.IsConnected) await client.DisconnectAsync(quit: false); }
        catch (Exception) { /* already broken; the socket is closed either way */ }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ProtocolException or SmtpCommandException)
        {
            // QUIT after the mails went out is a courtesy; a server that hung up first loses nothing.
        }
        client.Dispose();
    }

    /// <summary>
    /// A socket with Nagle's algorithm off, handed to MailKit (which then owns it). An SMTP session
    /// is many small writes each waiting for a reply; with Nagle on, a small write waits for the
    /// previous one's ACK, which the server delays by up to 40 ms: two such stalls a mail held a
    /// connection to ~12 mails a second on an idle machine (docs/benchmarks.md, issue 22).
    /// </summary>
    private static async Task<Socket> NoDelaySocketAsync(string host, int port, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
