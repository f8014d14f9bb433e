using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsletters;

public enum IssueStatus { Draft, Scheduled, Sent }

/// <summary>
/// One issue of a newsletter, written in Markdown like an article. Scheduling sets
/// <see cref="ScheduledAt"/> (now, for "send now"); the sender flips it to Sent with a conditional
/// UPDATE in the same transaction that queues its mail, so one instance queues it, once.
/// </summary>
public sealed class NewsletterIssue
{
    public int Id { get; set; }
    public int NewsletterId { get; set; }
    public required string Subject { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public IssueStatus Status { get; set; } = IssueStatus.Draft;
    public DateTime? ScheduledAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The outbox batch its mail went out as ("newsletter-issue:42"), for the newsroom's counts.</summary>
    public string? Batch { get; set; }

    /// <summary>How many confirmed subscribers it was queued for.</summary>
    public int Recipients { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int SubjectMax = 200, BodyMax = 100_000;

    public static string BatchOf(int id) => $"newsletter-issue:{id}";
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> i)
    {
        i.ToTable("NewsletterIssues");
        i.Property(x => x.Subject).HasMaxLength(NewsletterIssue.SubjectMax);
        i.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        i.Property(x => x.Batch).HasMaxLength(100);
        // The sender's scan for due issues.
        i.HasIndex(x => new { x.Status, x.ScheduledAt });
        i.HasIndex(x => x.NewsletterId);
        i.HasOne<Newsletter>().WithMany().HasForeignKey(x => x.NewsletterId).OnDelete(DeleteBehavior.Cascade);
    }
}
