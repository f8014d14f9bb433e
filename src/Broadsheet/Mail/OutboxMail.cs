using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;

namespace Broadsheet.Mail;

/// <summary>
/// One mail waiting to go, written in the same transaction as the request that asked for it, so
/// a request answers without waiting on a mail server and a crash between "saved" and "sent"
/// loses nothing. Either a whole message (<see cref="OutboxKinds.Message"/>) or a request that
/// names only an address (a password reset, a sign-in link): the sender looks the account up and
/// writes the message, so a request for an unknown address does exactly the same work as for a
/// known one. <see cref="OutboxSender"/> claims rows with a lease, sends, and blanks the body.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>What to do with the row: see <see cref="OutboxKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string To { get; set; }

    /// <summary>A request's one argument (the page a sign-in link returns to); null for a message.</summary>
    public string? Payload { get; set; }

    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public string? Link { get; set; }

    /// <summary>What the newsroom counts the mail under (<see cref="OutgoingMail.Batch"/>); null for account mail.</summary>
    public string? Batch { get; set; }

    /// <summary>
    /// <see cref="OutboxLanes"/>: account mail and list mail are claimed by separate loops, so a
    /// password reset never waits behind a 100,000-reader newsletter.
    /// </summary>
    public int Lane { get; set; }

    /// <summary>A bulk mail's shared body (<see cref="OutboxBody"/>); Subject, Text and Html stay empty on such rows.</summary>
    public long? BodyId { get; set; }

    /// <summary>The one-click unsubscribe URL (List-Unsubscribe header, and {{unsubscribe}} in a bulk body).</summary>
    public string? Unsubscribe { get; set; }

    /// <summary>The preferences URL that replaces {{preferences}} in a bulk body.</summary>
    public string? Preferences { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent before this: now when queued, later after a failed try (backoff).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>A sender holds the row until then; past it, a crashed sender's row is free again.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when the sender gave up after Email:Outbox:MaxAttempts tries.</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>
    /// Set, with <see cref="FailedAt"/>, when list mail was not sent because the address is
    /// stopped: done without sending, counted apart from real failures.
    /// </summary>
    public DateTime? SkippedAt { get; set; }
}

/// <summary>The outbox's two lanes, each with its own claim loop.</summary>
public static class OutboxLanes
{
    public const int Account = 0;
    public const int List = 1;
}

/// <summary>The kinds of outbox rows. Requests are resolved by an <see cref="IMailRequestResolver"/> of the same kind.</summary>
public static class OutboxKinds
{
    public const string Message = "message";

    /// <summary>A bulk mail's row: the body is an <see cref="OutboxBody"/>, filled in per recipient at send time.</summary>
    public const string Bulk = "bulk";
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> t)
    {
        t.ToTable("OutboxMails");
        t.HasKey(x => x.Id);
        t.Property(x => x.Kind).HasMaxLength(20);
        t.Property(x => x.To).HasMaxLength(254);
        t.Property(x => x.Payload).HasMaxLength(2000);
        t.Property(x => x.LastError).HasMaxLength(500);
        t.Property(x => x.Batch).HasMaxLength(100);
        t.Property(x => x.Unsubscribe).HasMaxLength(2000);
        t.Property(x => x.Preferences).HasMaxLength(2000);
        t.HasOne<OutboxBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        // The claim's scan, per lane: rows not yet done, oldest due first.
        t.HasIndex(x => new { x.Lane, x.SentAt, x.FailedAt, x.DueAt });
        // One mail per batch and address, so a crash mid-queue can queue the batch again; also
        // the counts' index. Account mail has no batch, and NULLs never collide.
        t.HasIndex(x => new { x.Batch, x.To }).IsUnique();
    }
}

/// <summary>What every way a row can end (sent, given up, refused, skipped) writes with its end.</summary>
internal static class OutboxRowEnd
{
    /// <summary>Unclaimed, and the body and links blanked: they carry reset tokens, sign-in and unsubscribe links.</summary>
    public static UpdateSettersBuilder<OutboxMail> Blanked(this UpdateSettersBuilder<OutboxMail> s) => s
        .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
        .SetProperty(m => m.Text, "").SetProperty(m => m.Html, "").SetProperty(m => m.Link, (string?)null)
        .SetProperty(m => m.Unsubscribe, (string?)null).SetProperty(m => m.Preferences, (string?)null);
}
