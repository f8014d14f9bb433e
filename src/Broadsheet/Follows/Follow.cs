using Broadsheet.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Broadsheet.Data.Identity;

namespace Broadsheet.Follows;

public enum FollowKind { Author, Category, Tag }

/// <summary>A reader following an author, a section or a topic. One row per reader and target.</summary>
public sealed class Follow
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public FollowKind Kind { get; set; }
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> f)
    {
        f.ToTable("Follows");
        f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        // The database, not the app, guarantees "one follow per reader per target" under races.
        f.HasIndex(x => new { x.UserId, x.Kind, x.TargetId }).IsUnique();
        // Follower counts and "who follows this" read by target.
        f.HasIndex(x => new { x.Kind, x.TargetId });
        f.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
