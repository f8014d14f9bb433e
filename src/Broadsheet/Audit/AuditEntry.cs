using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Audit;

/// <summary>
/// One line of the newsroom's audit log: moderation actions, publishing, role changes, bans.
/// Append-only: the database refuses UPDATE and DELETE on the table (triggers in the migrations),
/// so the actor's name is copied in rather than linked (a deleted account must not rewrite history).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>What happened, e.g. "article.publish", "comment.reject", "user.role", "user.ban".</summary>
    public required string Action { get; set; }
    /// <summary>"article", "comment", "user", "category", "tag", "settings"...</summary>
    public required string TargetKind { get; set; }
    public required string TargetId { get; set; }
    /// <summary>A readable sentence with the particulars (old and new role, ban end and reason...).</summary>
    public string Detail { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.Property(x => x.ActorName).HasMaxLength(120);
        e.Property(x => x.Action).HasMaxLength(50);
        e.Property(x => x.TargetKind).HasMaxLength(20);
        e.Property(x => x.TargetId).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(2000);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.TargetKind, x.TargetId });
    }
}
