using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Ranking;

/// <summary>
/// One story's place in one kept ranking ("most viewed today / this week", "most discussed",
/// "top this week"), as of <see cref="Day"/>. The boxes read these rows in index order instead of
/// aggregating the view and vote tables on every render; <see cref="RankingRefresh"/> rewrites an
/// article's rows whenever its counters change, and rebuilds the lot once a day.
/// </summary>
public sealed class RankedArticle
{
    public TrendingKind List { get; set; }
    public int ArticleId { get; set; }
    /// <summary>The UTC day the figure was computed for: rows of an earlier day are stale and never read.</summary>
    public DateOnly Day { get; set; }
    public long Figure { get; set; }
    /// <summary>Copied from the article so that the tie-break and the week's window are in the index.</summary>
    public DateTime PublishedAt { get; set; }
}

internal sealed class RankedArticleConfiguration : IEntityTypeConfiguration<RankedArticle>
{
    public void Configure(EntityTypeBuilder<RankedArticle> r)
    {
        r.ToTable("RankedArticles");
        r.HasKey(x => new { x.List, x.ArticleId });
        // A box is one seek here, walked in order: (list, today) then figure and time, best first.
        r.HasIndex(x => new { x.List, x.Day, x.Figure, x.PublishedAt });
        r.HasIndex(x => x.ArticleId);
        r.HasIndex(x => x.Day); // "is anything stale?" once per day
        r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class RankingTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<RankedArticle> RankedArticles => db.Set<RankedArticle>();
    }
}
