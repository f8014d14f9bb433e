using Broadsheet.Accounts;
using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Broadsheet.Data.Identity;

namespace Broadsheet.Votes;

/// <summary>One reader's vote on one article: +1 or -1. Withdrawing deletes the row.</summary>
public sealed class ArticleVote
{
    public int ArticleId { get; set; }
    public int UserId { get; set; }
    public int Value { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ArticleVoteConfiguration : IEntityTypeConfiguration<ArticleVote>
{
    public void Configure(EntityTypeBuilder<ArticleVote> v)
    {
        v.ToTable("ArticleVotes", t => t.HasCheckConstraint("CK_ArticleVotes_Value", "\"Value\" IN (-1, 1)"));
        // The key is the "one vote per reader per article" rule, enforced by the database.
        v.HasKey(x => new { x.ArticleId, x.UserId });
        v.HasIndex(x => x.UserId);
        v.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
