namespace Broadsheet.Newsletters;

/// <summary>"Newsletters": when the senders look for work and when digests go out.</summary>
public sealed class NewsletterOptions
{
    /// <summary>False: this instance never queues alerts, digests or issues (another does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance looks for new stories, due digests and due issues; well under a minute, the alert promise.</summary>
    public double PollSeconds { get; set; } = 15;

    /// <summary>
    /// A new story waits this long before its alert is queued, so a story whose transaction
    /// commits a moment after its published time is not passed over by the high-water mark.
    /// </summary>
    public double SettleSeconds { get; set; } = 2;

    /// <summary>Local time (Site:TimeZone) at which the daily and weekly digests go out.</summary>
    public TimeSpan DigestTime { get; set; } = new(7, 0, 0);

    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How long an instance holds the alerts claim: past it, a crashed instance's claim is taken over.</summary>
    public double ClaimSeconds { get; set; } = 120;

    /// <summary>Stories in one digest at most.</summary>
    public int DigestStories { get; set; } = 20;
}
