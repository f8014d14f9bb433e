using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsroom;

/// <summary>
/// The article as it stood after one save. Text fields are columns (they are what a diff
/// compares); everything else the editor sets is kept as JSON in <see cref="Fields"/>, so
/// restoring a revision brings back the section, tags, picture, SEO and comment settings too.
/// </summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime SavedAt { get; set; }
    public int? SavedByUserId { get; set; }
    public string SavedByName { get; set; } = "";
    /// <summary>"save", "autosave", "submit", "publish", "schedule", "unpublish" or "restore".</summary>
    public required string Reason { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    /// <summary>JSON: categoryId, tags, image (path, alt, caption), seoTitle, seoDescription, commentsClosed, breakingUntil.</summary>
    public string Fields { get; set; } = "{}";
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> r)
    {
        r.ToTable("ArticleRevisions");
        r.Property(x => x.SavedByName).HasMaxLength(120);
        r.Property(x => x.Reason).HasMaxLength(20);
        r.Property(x => x.Title).HasMaxLength(300);
        r.Property(x => x.Slug).HasMaxLength(200);
        r.Property(x => x.Standfirst).HasMaxLength(1000);
        r.HasIndex(x => new { x.ArticleId, x.SavedAt });
        r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Broadsheet.Data.Identity.User>().WithMany().HasForeignKey(x => x.SavedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
