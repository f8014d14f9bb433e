using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>A correction puts a factual error right; a clarification adds what was unclear or missing.</summary>
public enum CorrectionKind { Correction, Clarification }

/// <summary>Where on the story the note stands: above the body (serious errors) or below it.</summary>
public enum CorrectionPlacement { Top, Bottom }

/// <summary>
/// A note an editor appends to a live story (issue 24). It can be amended but never deleted: the
/// app offers no removal, and every creation and amendment is an audit entry carrying the text,
/// so the log keeps every wording a reader may have seen.
/// </summary>
public sealed class Correction
{
    // Short enough that an amendment's audit entry holds both wordings whole (AuditEntry.Detail is 2000).
    public const int TextMax = 800;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public CorrectionKind Kind { get; set; }
    public CorrectionPlacement Placement { get; set; }
    /// <summary>Plain text, shown HTML-encoded; readers see it as the editor typed it.</summary>
    public required string Text { get; set; }
    /// <summary>The date readers see, set when it is appended; an amendment keeps it and sets <see cref="AmendedAt"/>.</summary>
    public DateTime PublishedAt { get; set; }
    public DateTime? AmendedAt { get; set; }

    public string KindLabel => Kind == CorrectionKind.Correction ? "Correction" : "Clarification";
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> c)
    {
        c.ToTable("Corrections");
        c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Placement).HasConversion<string>().HasMaxLength(10);
        c.Property(x => x.Text).HasMaxLength(Correction.TextMax);
        // The story shows its own notes; /corrections walks every note newest first.
        c.HasIndex(x => new { x.ArticleId, x.PublishedAt });
        c.HasIndex(x => x.PublishedAt);
        c.HasOne(x => x.Article).WithMany(a => a.Corrections).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
