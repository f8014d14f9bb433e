using Microsoft.Extensions.Options;

namespace Broadsheet.Mail;

/// <summary>
/// The default when no SMTP host is configured: each message becomes an .eml file that any mail
/// client opens, and the link is logged, so sign-up works on a laptop with no mail server.
/// </summary>
public sealed class FileMailSender(
    IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<FileMailSender> log) : IMailSender
{
    /// <summary>The folder the files land in, absolute.</summary>
    public string Folder { get; } = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        using var message = MailComposer.Compose(mail, options.Value.From, now);
        Directory.CreateDirectory(Folder);

        // Time first so a listing sorts oldest to newest; the GUID keeps two mails in the same
        // millisecond apart. Nothing of the recipient goes in the name, so it cannot escape the folder.
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, name);
        // Written under a name that is not *.eml and renamed when complete, so anyone watching
        // the folder sees a whole message or none (a rename within one folder is atomic).
        var temp = Path.Combine(Folder, $".{name}.tmp");
        try
        {
            await using (var file = File.Create(temp))
                await message.WriteToAsync(file, ct);
            File.Move(temp, path);
        }
        finally
        {
            File.Delete(temp); // no-op after the move; clears a partial file after a failure
        }

        log.LogInformation("Mail to {To} saved as {Path}: {Subject}. Link: {Link}", mail.To, path, mail.Subject, mail.Link);
    }
}
