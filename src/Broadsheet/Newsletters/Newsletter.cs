using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsletters;

/// <summary>A site-wide newsletter ("Morning briefing"), created by admins; editors write its issues.</summary>
public sealed class Newsletter
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Description { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public const int NameMax = 120, DescriptionMax = 500;
}

internal sealed class NewsletterConfiguration : IEntityTypeConfiguration<Newsletter>
{
    public void Configure(EntityTypeBuilder<Newsletter> n)
    {
        n.ToTable("Newsletters");
        n.Property(x => x.Name).HasMaxLength(Newsletter.NameMax);
        n.Property(x => x.Slug).HasMaxLength(200);
        n.Property(x => x.Description).HasMaxLength(Newsletter.DescriptionMax);
        n.HasIndex(x => x.Slug).IsUnique();
    }
}
