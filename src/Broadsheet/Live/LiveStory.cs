using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Live;

/// <summary>
/// A published story turned into live coverage (issue 23). Kept in Live's own table keyed by the
/// article, so Articles knows nothing of it. <see cref="LastSequence"/> is the story's event
/// counter: every added, edited or deleted entry takes the next value in the same transaction, and
/// because the counter row is updated first (and so held until commit), sequence order is commit
/// order; a reader who has seen N has seen everything below N (Last-Event-ID).
/// </summary>
public sealed class LiveStory
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public DateTime StartedAt { get; set; }
    /// <summary>Null while coverage runs; once ended the story reads as a normal story with its entries.</summary>
    public DateTime? EndedAt { get; set; }
    public long LastSequence { get; set; }

    public bool IsRunning => EndedAt is null;
}

/// <summary>
/// One short post on a live story. The Markdown is rendered and sanitised at save time like an
/// article body. A deleted entry keeps its row with <see cref="DeletedAt"/> set (a tombstone) so a
/// stream resumed after the deletion can still announce it; readers never see its text.
/// </summary>
public sealed class LiveEntry
{
    public const int BodyMax = 4000;
    public const int QuoteMax = 600;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>Who wrote it; null once their account is deleted (<see cref="AuthorName"/> stays).</summary>
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    /// <summary>A file from the media library (under /media), or null.</summary>
    public string? ImagePath { get; set; }
    public string ImageAlt { get; set; } = "";
    /// <summary>A quote shown as a block quote, with who said it.</summary>
    public string? Quote { get; set; }
    public string QuoteSource { get; set; } = "";
    public bool IsKeyEvent { get; set; }
    public bool IsPinned { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// <summary>The story's sequence value of this entry's latest change (add, edit, delete).</summary>
    public long Sequence { get; set; }
    /// <summary>The sequence value it was added at: a reader past it has the entry already, so a later change is an edit.</summary>
    public long CreatedSequence { get; set; }

    public DateTime UpdatedAt => DeletedAt ?? EditedAt ?? CreatedAt;
}

internal sealed class LiveStoryConfiguration : IEntityTypeConfiguration<LiveStory>
{
    public void Configure(EntityTypeBuilder<LiveStory> s)
    {
        s.ToTable("LiveStories");
        s.HasKey(x => x.ArticleId);
        s.Ignore(x => x.IsRunning);
        s.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveEntryConfiguration : IEntityTypeConfiguration<LiveEntry>
{
    public void Configure(EntityTypeBuilder<LiveEntry> e)
    {
        e.ToTable("LiveEntries");
        e.Property(x => x.AuthorName).HasMaxLength(60);
        e.Property(x => x.BodyMarkdown).HasMaxLength(LiveEntry.BodyMax);
        e.Property(x => x.ImagePath).HasMaxLength(100);
        e.Property(x => x.ImageAlt).HasMaxLength(300);
        e.Property(x => x.Quote).HasMaxLength(LiveEntry.QuoteMax);
        e.Property(x => x.QuoteSource).HasMaxLength(120);
        e.Ignore(x => x.UpdatedAt);
        // The stream's replay and the instances' catch-up: a seek on (story, sequence), bounded.
        e.HasIndex(x => new { x.ArticleId, x.Sequence }).IsUnique();
        // The page: a story's entries newest first.
        e.HasIndex(x => new { x.ArticleId, x.CreatedAt });
        e.HasOne<LiveStory>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Data.Identity.User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
