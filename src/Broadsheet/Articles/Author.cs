using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>The public profile behind a byline. Sign-in accounts link to it in a later feature.</summary>
public class Author
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    public required string Slug { get; set; }
    public string Bio { get; set; } = "";
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
    }
}
