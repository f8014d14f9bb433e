using MimeKit;
using MimeKit.Utils;

namespace Broadsheet.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both senders write.</summary>
public static class MailComposer
{
    public static MimeMessage Compose(OutgoingMail mail, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = now,
            // Named after the sender's domain: MimeKit's default uses the machine's host name,
            // which says nothing useful to the reader and can look like spam to a filter.
            MessageId = MimeUtils.GenerateMessageId(DomainOf(sender)),
            // Text and HTML as multipart/alternative, so clients that block HTML still show the link.
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(mail.To));
        return message;
    }

    private static string DomainOf(MailboxAddress address)
    {
        var at = address.Address.LastIndexOf('@');
        return at >= 0 && at < address.Address.Length - 1 ? address.Address[(at + 1)..] : "localhost";
    }
}
