using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsletters;

/// <summary>
/// The senders' shared memory, one row per job or period. "alerts" holds the high-water mark of
/// the stories already alerted (published time, then id) and a claim, so of several instances one
/// queues each story's alert. A digest's period ("digest:daily:2026-12-07") is a row inserted
/// once: the instance whose insert wins queues that digest, in the same transaction.
/// </summary>
public sealed class NewsletterRun
{
    public required string Key { get; set; }
    public DateTime Mark { get; set; }
    public int MarkId { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime CreatedAt { get; set; }

    public const string Alerts = "alerts";
}

internal sealed class NewsletterRunConfiguration : IEntityTypeConfiguration<NewsletterRun>
{
    public void Configure(EntityTypeBuilder<NewsletterRun> r)
    {
        r.ToTable("NewsletterRuns");
        r.HasKey(x => x.Key);
        r.Property(x => x.Key).HasMaxLength(100);
    }
}
