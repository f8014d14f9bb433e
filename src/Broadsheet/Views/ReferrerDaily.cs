using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Views;

/// <summary>
/// Counted views that arrived from another site, by the referring domain only (never the full
/// URL, never the reader), per article per UTC day. Added to in the same batched flush as views.
/// </summary>
public sealed class ReferrerDaily
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>Lower-case host, e.g. "news.example.org"; "" is never stored (direct visits are not referrals).</summary>
    public required string Domain { get; set; }
    public long Views { get; set; }
}

internal sealed class ReferrerDailyConfiguration : IEntityTypeConfiguration<ReferrerDaily>
{
    public void Configure(EntityTypeBuilder<ReferrerDaily> r)
    {
        r.ToTable("ReferrerDaily");
        r.HasKey(x => new { x.ArticleId, x.Day, x.Domain });
        r.Property(x => x.Domain).HasMaxLength(253);
        r.HasIndex(x => new { x.Day, x.Domain });
        r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
