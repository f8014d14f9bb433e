namespace Broadsheet.Mail;

/// <summary>The "Email" configuration section.</summary>
public sealed class EmailOptions
{
    /// <summary>The sender every account mail carries; a real deployment sets its own domain here.</summary>
    public string From { get; set; } = "Broadsheet <no-reply@localhost>";

    /// <summary>
    /// Where the file sender drops .eml files when no SMTP host is set, so a fresh checkout can
    /// still confirm an account. Relative paths are taken from the content root, not the working
    /// directory, so the folder does not move with wherever the app was started from.
    /// </summary>
    public string Directory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>"Email:Smtp". Mail goes through SMTP only once <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 is the submission port: the one relays expect an authenticated sender on.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Empty means the relay accepts mail without signing in (a local relay, a test server).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
}

/// <summary>
/// How the connection is secured. Our own names rather than MailKit's enum, so the
/// configuration does not change shape if the SMTP library does.
/// </summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
    /// <summary>Plain text throughout; only for a relay on the same host or a test server.</summary>
    None,
    /// <summary>Upgrade with STARTTLS and refuse a server that does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
