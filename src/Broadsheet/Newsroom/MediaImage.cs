using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsroom;

/// <summary>
/// An uploaded picture: decoded, stripped of metadata and stored under Media:Directory as
/// "{Stem}.{ext}" (the full size) plus one "{Stem}-{width}.{ext}" per width in
/// <see cref="VariantWidths"/>. The stem is made by the server, never the uploader's file name.
/// An article refers to the full-size file by name (Article.ImagePath = "{Stem}.{ext}").
/// </summary>
public sealed class MediaImage
{
    public int Id { get; set; }
    public required string Stem { get; set; }
    /// <summary>"jpg", "png", "webp" or "gif".</summary>
    public required string Extension { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    /// <summary>Comma-separated widths of the smaller copies, ascending, e.g. "320,640,1024".</summary>
    public string VariantWidths { get; set; } = "";
    /// <summary>The alt text last given with it, offered again when the picture is reused.</summary>
    public string Alt { get; set; } = "";
    /// <summary>Who took the picture or owns it ("Jane Doe", "Jane Doe/Reuters"); shown under captions, in JSON-LD and feeds.</summary>
    public string Credit { get; set; } = "";
    /// <summary>The terms it is used under: a note for the newsroom, or a licence's URL (then JSON-LD's license).</summary>
    public string Licence { get; set; } = "";
    public int? UploadedByUserId { get; set; }
    public DateTime UploadedAt { get; set; }

    public string FileName => $"{Stem}.{Extension}";
}

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> m)
    {
        m.ToTable("MediaImages");
        m.Property(x => x.Stem).HasMaxLength(64);
        m.Property(x => x.Extension).HasMaxLength(8);
        m.Property(x => x.VariantWidths).HasMaxLength(100);
        m.Property(x => x.Alt).HasMaxLength(300);
        m.Property(x => x.Credit).HasMaxLength(Broadsheet.Media.PictureCredit.CreditMax);
        m.Property(x => x.Licence).HasMaxLength(Broadsheet.Media.PictureCredit.LicenceMax);
        m.HasIndex(x => x.Stem).IsUnique();
        m.HasIndex(x => x.UploadedAt);
        m.HasOne<Broadsheet.Data.Identity.User>().WithMany().HasForeignKey(x => x.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
