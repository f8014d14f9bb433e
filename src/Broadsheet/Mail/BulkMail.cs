namespace Broadsheet.Mail;

/// <summary>
/// One message for many readers (a newsletter issue, a digest), queued with
/// <see cref="MailOutbox.QueueBulkAsync"/>. The body is stored once; <c>{{unsubscribe}}</c> and
/// <c>{{preferences}}</c> in <see cref="Text"/> and <see cref="Html"/> are replaced per recipient
/// when the mail is sent (attribute-encoded in the HTML).
/// </summary>
public sealed record BulkMail(string Batch, string Subject, string Text, string Html);

/// <summary>One recipient of a <see cref="BulkMail"/>, with their own one-click unsubscribe and preferences links.</summary>
public sealed record BulkRecipient(string To, string Unsubscribe, string Preferences);

/// <summary>
/// Where a batch's mails are. Queued: waiting for their first try. Deferred: waiting after a
/// temporary failure (4xx, a dropped connection). Failed: given up, or refused for good (5xx).
/// Skipped: the address was stopped, so nothing was sent.
/// </summary>
public sealed record BatchCounts(int Queued, int Sent, int Deferred, int Failed, int Skipped)
{
    public int Total => Queued + Sent + Deferred + Failed + Skipped;
}

/// <summary>A batch as the newsroom lists it: its name, when it was first queued, and its counts.</summary>
public sealed record BatchSummary(string Batch, DateTime FirstQueuedAt, DateTime? LastSentAt, BatchCounts Counts);
