using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Views;

/// <summary>Counted views of one article on one UTC day: feeds "most viewed" and the newsroom's charts.</summary>
public sealed class ArticleDailyViews
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}

/// <summary>
/// Who has been counted for an article today: a signed-in user or an anonymous reader's salted
/// hash, as a <see cref="ReaderKey"/>. The key makes a view count once per reader per article per
/// day, across every instance. Rows older than yesterday are swept, and with them any link to a reader.
/// </summary>
public sealed class ArticleViewer
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    public long Reader { get; set; }
}

/// <summary>Today's random salt for anonymous reader keys. Yesterday's is deleted, so no hash can be recomputed.</summary>
public sealed class DailySalt
{
    public DateOnly Day { get; set; }
    public required byte[] Salt { get; set; }
}

internal sealed class ArticleDailyViewsConfiguration : IEntityTypeConfiguration<ArticleDailyViews>
{
    public void Configure(EntityTypeBuilder<ArticleDailyViews> d)
    {
        d.ToTable("ArticleDailyViews");
        d.HasKey(x => new { x.ArticleId, x.Day });
        d.HasIndex(x => x.Day); // "most viewed today / this week" read by day
        d.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleViewerConfiguration : IEntityTypeConfiguration<ArticleViewer>
{
    public void Configure(EntityTypeBuilder<ArticleViewer> v)
    {
        v.ToTable("ArticleViewers");
        v.HasKey(x => new { x.ArticleId, x.Day, x.Reader });
        v.HasIndex(x => x.Day);
        v.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DailySaltConfiguration : IEntityTypeConfiguration<DailySalt>
{
    public void Configure(EntityTypeBuilder<DailySalt> s)
    {
        s.ToTable("DailySalts");
        s.HasKey(x => x.Day);
    }
}
