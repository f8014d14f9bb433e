using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

public class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";

    /// <summary>Rendered and sanitized when the body is saved, never per request.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>The body as plain text, for the search index and its snippets.</summary>
    public string BodyText { get; set; } = "";

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    /// <summary>Every save moves it (feeds, sitemaps and caches use it); readers are shown <see cref="SubstantiveUpdateAt"/>.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When an editor last marked a save of the live story as a substantive update (issue 24): the
    /// story shows "Updated 14:05" and JSON-LD's dateModified follows it. Typo fixes leave it alone.
    /// </summary>
    public DateTime? SubstantiveUpdateAt { get; set; }

    /// <summary>What the last substantive update added ("This story has been updated with ..."); may be empty.</summary>
    public string UpdateNote { get; set; } = "";
    public int ReadingMinutes { get; set; }

    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    /// <summary>The names after <see cref="Author"/> on the byline, co-authors and guests (issue 24), by Position.</summary>
    public List<ArticleByline> Bylines { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    /// <summary>Corrections and clarifications, loaded by the story page (<see cref="Correction"/>).</summary>
    public List<Correction> Corrections { get; set; } = [];

    /// <summary>File name under Media:Directory (server-generated, never the uploader's); null when the story has no picture.</summary>
    public string? ImagePath { get; set; }
    public string ImageAlt { get; set; } = "";
    public string ImageCaption { get; set; } = "";
    /// <summary>
    /// The picture's credit and licence, copied from its media library row when the picture is chosen and
    /// again whenever the library's row is edited (Newsroom/Media), so pages, lists, feeds and the API
    /// read them without a join; an imported picture without a row keeps what the import read.
    /// </summary>
    public string ImageCredit { get; set; } = "";
    public string ImageLicence { get; set; } = "";
    public int? ImageWidth { get; set; }
    public int? ImageHeight { get; set; }

    // Counters are denormalised for the hot read path. Each is recomputed from its source rows
    // (ArticleVotes, visible Comments) or added to in batches (ArticleDailyViews), never guessed.
    public long ViewCount { get; set; }
    public int Upvotes { get; set; }
    public int Downvotes { get; set; }
    public int CommentCount { get; set; }

    /// <summary><see cref="Ranking.Hotness"/>, stored so "Trending" is an index walk; refreshed when votes, comments or views land.</summary>
    public double Hotness { get; set; }

    /// <summary>Overrides for search engines and link previews; null uses the title and standfirst.</summary>
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }

    /// <summary>While in the future, the story sits in the site-wide breaking-news bar.</summary>
    public DateTime? BreakingUntil { get; set; }

    /// <summary>When an author last submitted the draft for an editor's review; null when not waiting.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>Set by the newsroom; comments also close by themselves after Comments:CloseAfterDays.
    /// On a page's <see cref="Companion"/> it means the page shows no thread at all.</summary>
    public bool CommentsClosed { get; set; }

    /// <summary>Only a page's <see cref="Companion"/> sets it: votes are off on that page. Stories always take votes.</summary>
    public bool VotesClosed { get; set; }

    /// <summary>Sets the Markdown and everything derived from it in one place.</summary>
    public void SetBody(string markdown)
    {
        BodyMarkdown = markdown;
        BodyHtml = ArticleBody.ToSafeHtml(markdown);
        BodyText = ArticleBody.ToPlainText(markdown);
        ReadingMinutes = ReadingTime.MinutesFor(markdown);
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> a)
    {
        a.ToTable("Articles"); // named here, not by a DbSet on the context: Data knows no feature
        a.Property(x => x.Title).HasMaxLength(300);
        a.Property(x => x.Slug).HasMaxLength(200);
        a.HasIndex(x => x.Slug).IsUnique();
        a.Property(x => x.Standfirst).HasMaxLength(1000);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.ImagePath).HasMaxLength(200);
        a.Property(x => x.ImageAlt).HasMaxLength(300);
        a.Property(x => x.ImageCaption).HasMaxLength(500);
        a.Property(x => x.ImageCredit).HasMaxLength(Broadsheet.Media.PictureCredit.CreditMax);
        a.Property(x => x.ImageLicence).HasMaxLength(Broadsheet.Media.PictureCredit.LicenceMax);
        a.Property(x => x.SeoTitle).HasMaxLength(300);
        a.Property(x => x.SeoDescription).HasMaxLength(500);
        a.Property(x => x.UpdateNote).HasMaxLength(300);
        a.HasIndex(x => x.BreakingUntil);
        // The scheduler and the newsroom's lists find articles by status and time.
        a.HasIndex(x => new { x.Status, x.PublishedAt });
        // Every list is "live, newest first", optionally within one category or author. The
        // lists walk these indexes backwards and stop at the page size; an index led by Status
        // would make SQLite sort every live article to serve "latest".
        // Id and Status ride along (issue 15) so "where does page N start" walks the index alone:
        // the offset then never reads a story's row (a row per skipped story made /latest?page=400
        // 20x dearer than reading the page), and Id comes before Status so the index's order is
        // the lists' own (PublishedAt DESC, Id DESC) with no sort of ties.
        a.HasIndex(x => new { x.PublishedAt, x.Id, x.Status });
        a.HasIndex(x => new { x.CategoryId, x.PublishedAt, x.Id, x.Status });
        a.HasIndex(x => new { x.AuthorId, x.PublishedAt });
        // "Trending" walks this from the top (Ranking/Rankings.HotBoxAsync); PublishedAt orders ties without a sort.
        a.HasIndex(x => new { x.Hotness, x.PublishedAt });
        a.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Tags).WithMany().UsingEntity(
            "ArticleTags",
            r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("ArticleId", "TagId"));
    }
}
