using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsroom;

/// <summary>
/// A secret link to a draft for someone outside the newsroom. Only the SHA-256 of the token is
/// stored; the link stops working at <see cref="ExpiresAt"/> or when revoked.
/// </summary>
public sealed class PreviewLink
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>Lowercase hex SHA-256 of the token in the URL.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class PreviewLinkConfiguration : IEntityTypeConfiguration<PreviewLink>
{
    public void Configure(EntityTypeBuilder<PreviewLink> p)
    {
        p.ToTable("PreviewLinks");
        p.Property(x => x.TokenHash).HasMaxLength(64);
        p.HasIndex(x => x.TokenHash).IsUnique();
        p.HasIndex(x => x.ArticleId);
        p.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Broadsheet.Data.Identity.User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
