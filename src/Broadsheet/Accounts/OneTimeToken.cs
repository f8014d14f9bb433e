using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// A token that works once: a sign-in link, or the first-admin setup link. Only its SHA-256
/// is stored, so a copy of the database cannot be used to sign in. Redeeming is one UPDATE
/// guarded by UsedAt IS NULL, so two instances racing on the same link cannot both win.
/// </summary>
public sealed class OneTimeToken
{
    public required string Hash { get; set; }
    public required string Purpose { get; set; }
    public int? UserId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> t)
    {
        t.ToTable("OneTimeTokens");
        t.HasKey(x => x.Hash);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.Property(x => x.Purpose).HasMaxLength(20);
        t.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        t.HasIndex(x => x.ExpiresAt);
    }
}
