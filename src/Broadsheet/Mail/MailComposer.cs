using System.Net;
using MimeKit;
using MimeKit.Utils;

namespace Broadsheet.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both senders write.</summary>
public static class MailComposer
{
    public const string UnsubscribePlaceholder = "{{unsubscribe}}";
    public const string PreferencesPlaceholder = "{{preferences}}";

    public static MimeMessage Compose(OutgoingMail mail, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = now,
            // Named after the sender's domain: MimeKit's default uses the machine's host name,
            // which says nothing useful to the reader and can look like spam to a filter.
            MessageId = mail.MessageId ?? MimeUtils.GenerateMessageId(DomainOf(sender)),
            // Text and HTML as multipart/alternative, so clients that block HTML still show the link.
            Body = mail.PreparedBody ?? new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (!string.IsNullOrEmpty(mail.Unsubscribe))
        {
            // RFC 8058: the header names an HTTPS URL the receiver POSTs
            // "List-Unsubscribe=One-Click" to, without the reader opening anything.
            message.Headers.Add("List-Unsubscribe", $"<{mail.Unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /// <summary>
    /// A stable Message-ID for an outbox row: the same row always gets the same id, so a mail
    /// resent after a crash (the server's 250 was lost) is recognisably the same message. The
    /// row's creation time is in it so two databases' row 1 differ.
    /// </summary>
    public static string MessageIdFor(long rowId, DateTime createdAt, string from) =>
        $"outbox.{rowId}.{createdAt.Ticks:x}@{DomainOf(MailboxAddress.Parse(from))}";

    /// <summary>A bulk body for one recipient: the placeholders replaced, attribute-encoded in the HTML.</summary>
    public static (string Text, string Html) Personalise(string text, string html, string? unsubscribe, string? preferences)
    {
        var u = unsubscribe ?? "";
        var p = preferences ?? "";
        return (text.Replace(UnsubscribePlaceholder, u).Replace(PreferencesPlaceholder, p),
            html.Replace(UnsubscribePlaceholder, WebUtility.HtmlEncode(u)).Replace(PreferencesPlaceholder, WebUtility.HtmlEncode(p)));
    }

    private static string DomainOf(MailboxAddress address)
    {
        var at = address.Address.LastIndexOf('@');
        return at >= 0 && at < address.Address.Length - 1 ? address.Address[(at + 1)..] : "localhost";
    }
}
