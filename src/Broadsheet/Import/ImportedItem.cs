using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Import;

/// <summary>
/// Which local row an item from another system became, so that re-running an import updates
/// in place instead of adding duplicates. The key is (source, kind, the other system's id).
/// </summary>
public sealed class ImportedItem
{
    /// <summary>The other system, e.g. "wordpress:https://example.org".</summary>
    public required string Source { get; set; }
    /// <summary>"post", "category", "tag", "author", "comment" or "image".</summary>
    public required string Kind { get; set; }
    public required string ExternalId { get; set; }
    public long LocalId { get; set; }
    /// <summary>
    /// A hash of the item as the export last gave it. A re-run leaves the local row alone while
    /// this matches, so what the newsroom changed since is kept unless the export changed too.
    /// </summary>
    public string? Fingerprint { get; set; }
    public DateTime ImportedAt { get; set; }
}

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> i)
    {
        i.ToTable("ImportedItems");
        i.HasKey(x => new { x.Source, x.Kind, x.ExternalId });
        i.Property(x => x.Source).HasMaxLength(300);
        i.Property(x => x.Kind).HasMaxLength(20);
        i.Property(x => x.ExternalId).HasMaxLength(100);
        i.Property(x => x.Fingerprint).HasMaxLength(32);
    }
}
