using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>The public profile behind a byline, linked to the account that writes under it (if any).</summary>
public class Author
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    public required string Slug { get; set; }
    public string Bio { get; set; } = "";

    /// <summary>The newsroom account that writes under this byline; null for a byline with no account.</summary>
    public int? UserId { get; set; }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> a)
    {
        a.ToTable("Authors");
        a.Property(x => x.DisplayName).HasMaxLength(120);
        a.Property(x => x.Slug).HasMaxLength(120);
        a.HasIndex(x => x.Slug).IsUnique();
        a.Property(x => x.Bio).HasMaxLength(2000);
        // One byline per account; deleting the account keeps the byline and its stories.
        a.HasIndex(x => x.UserId).IsUnique();
        a.HasOne<Broadsheet.Data.Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
