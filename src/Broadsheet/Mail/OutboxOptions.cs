namespace Broadsheet.Mail;

/// <summary>"Email:Outbox": how the background sender works through <see cref="OutboxMail"/> rows.</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// False: this instance queues mail but never sends it (another instance does). Also how a
    /// test keeps rows waiting.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the sender sleeps when nothing is due. Fractions allowed (tests poll at 0.2).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Account mails one instance sends at once (each claims its own rows).</summary>
    public int Parallel { get; set; } = 4;

    /// <summary>Account-mail rows one claim takes (each sender then holds one connection for them).</summary>
    public int AccountBatch { get; set; } = 10;

    /// <summary>
    /// List-mail (newsletter) connections one instance holds open at once, each working through
    /// its own claimed batches. Each waits for a mail's "sent" mark before its next mail (so a
    /// crash resends at most one per connection), and the connections share the mark commits:
    /// throughput grows with connections until the relay or the CPU is the limit. Receivers
    /// throttle senders with many connections; two is polite to a stranger's server, a relay of
    /// your own (or a provider's) takes more.
    /// </summary>
    public int ListConnections { get; set; } = 2;

    /// <summary>List-mail rows one claim takes and sends over one connection.</summary>
    public int ListBatch { get; set; } = 100;

    /// <summary>How long a claim holds a row: longer than one send can take, short enough that a crashed instance's rows go soon.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>Tries before a row is given up (marked failed, body blanked).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's wait; each later one doubles it, up to <see cref="MaxRetrySeconds"/>.</summary>
    public double RetrySeconds { get; set; } = 30;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Sent and failed rows (bodies already blanked) are deleted this many days later.</summary>
    public int KeepDays { get; set; } = 7;

    /// <summary>The wait before try number <paramref name="attempts"/>+1, after <paramref name="attempts"/> failed.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, RetrySeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));
}
