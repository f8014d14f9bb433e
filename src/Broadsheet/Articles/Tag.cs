using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> t)
    {
        t.ToTable("Tags");
        t.Property(x => x.Name).HasMaxLength(100);
        t.Property(x => x.Slug).HasMaxLength(100);
        t.HasIndex(x => x.Slug).IsUnique();
    }
}
