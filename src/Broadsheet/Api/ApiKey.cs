using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Api;

/// <summary>
/// A key for the read-only Content API. Only the SHA-256 of the secret is stored; the key is
/// shown once, when it is created. Revoked keys stay as rows so the newsroom can see their history.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The public part of the key ("bs_" + a few characters): finds the row without a scan, and names the key in lists and logs.</summary>
    public required string Prefix { get; set; }
    /// <summary>Lowercase hex SHA-256 of the whole key.</summary>
    public required string SecretHash { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.ToTable("ApiKeys");
        k.Property(x => x.Name).HasMaxLength(100);
        k.Property(x => x.Prefix).HasMaxLength(20);
        k.Property(x => x.SecretHash).HasMaxLength(64);
        k.HasIndex(x => x.Prefix).IsUnique();
        k.HasOne<Broadsheet.Accounts.User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
