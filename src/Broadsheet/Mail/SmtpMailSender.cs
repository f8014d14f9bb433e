using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Broadsheet.Mail;

/// <summary>Delivers account mail through the configured SMTP relay.</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailSender> log) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var email = options.Value;
        var smtp = email.Smtp;
        // AddEmail only picks this sender when a host is set; this guards a hand-made registration.
        var host = smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
        using var message = MailComposer.Compose(mail, email.From, clock.GetUtcNow());

        // A fresh connection per message: account mail is rare, and a held-open connection
        // would only time out on the relay's side between sends.
        using var client = new SmtpClient();
        await client.ConnectAsync(host, smtp.Port, SocketOptions(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);

        // The link is left out here: unlike the file sender, the reader really gets the mail,
        // and a sign-in link in the log would let anyone reading the log use it.
        log.LogInformation("Mail to {To} sent through {Host}: {Subject}", mail.To, host, mail.Subject);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
