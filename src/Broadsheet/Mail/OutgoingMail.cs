namespace Broadsheet.Mail;

/// <summary>
/// One message to one reader. <see cref="Link"/> is the action the mail exists for (confirm,
/// reset, sign in); the file sender logs it so a newcomer without SMTP can still follow it.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html, string? Link = null);

/// <summary>Sends account mail: to .eml files by default, through SMTP when Email:Smtp:Host is set.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}
