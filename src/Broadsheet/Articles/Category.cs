using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

public class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Order of the category's section on the home page and in the navigation.</summary>
    public int Position { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> c)
    {
        c.ToTable("Categories");
        c.Property(x => x.Name).HasMaxLength(100);
        c.Property(x => x.Slug).HasMaxLength(100);
        c.HasIndex(x => x.Slug).IsUnique();
        c.Property(x => x.Description).HasMaxLength(500);
    }
}
