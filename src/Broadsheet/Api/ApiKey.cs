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
    /// <summary>Server (the default) or Browser: a public key that works only from its listed origins.</summary>
    public ApiKeyKind Kind { get; set; }
    /// <summary>A browser key's origins ("https://www.partner.example"), space-separated; empty for a server key.</summary>
    public string Origins { get; set; } = "";
}

/// <summary>
/// What a key may be used from. Every key is read-only and reads only what any reader can see; a
/// browser key (Ghost's "Content API key") is also meant to be public, in a page's script, so it
/// answers only requests whose Origin is one of its own, and gives those origins CORS.
/// </summary>
public enum ApiKeyKind
{
    Server = 0,
    Browser = 1,
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.ToTable("ApiKeys");
        k.Property(x => x.Name).HasMaxLength(100);
        k.Property(x => x.Prefix).HasMaxLength(20);
        k.Property(x => x.SecretHash).HasMaxLength(64);
        k.Property(x => x.Origins).HasMaxLength(ApiKeys.OriginsMax).HasDefaultValue("");
        k.HasIndex(x => x.Prefix).IsUnique();
        k.HasOne<Broadsheet.Data.Identity.User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
