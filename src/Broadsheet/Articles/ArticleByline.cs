using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>
/// One more name on a story's byline (issue 24), after its first author: <see cref="Article.Author"/>
/// stays the first, with every meaning it had (the author page's index, the newsroom's "mine"), and
/// these follow it in <see cref="Position"/> order (1, 2, 3...). Either a byline with a page of its
/// own (<see cref="AuthorId"/>, with or without an account) or a guest: a name and an optional link,
/// no account and no page.
/// </summary>
public sealed class ArticleByline
{
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
    public string GuestName { get; set; } = "";
    /// <summary>An absolute http(s) address the guest's name links to; null for a name alone.</summary>
    public string? GuestUrl { get; set; }

    /// <summary>
    /// The story's publication time while it is listed (published or scheduled), null while it is
    /// not (a draft, unpublished, a page's companion). A copy, so an author's page walks this
    /// table's (AuthorId, PublishedAt, ArticleId) index newest first and stops after a page, as it
    /// does on Articles for the first author. Only the database writes it: triggers of the
    /// BylineListing migration (both sets) copy it when a byline is added and whenever a story's
    /// Status or PublishedAt changes, however the change is made (editor, scheduler, import, SQL).
    /// </summary>
    public DateTime? PublishedAt { get; private set; }

    public const int GuestNameMax = 120;
    public const int GuestUrlMax = 300;

    public string Name => Author?.DisplayName ?? GuestName;
}

internal sealed class ArticleBylineConfiguration : IEntityTypeConfiguration<ArticleByline>
{
    public void Configure(EntityTypeBuilder<ArticleByline> b)
    {
        b.ToTable("ArticleBylines", t => t.HasCheckConstraint("CK_ArticleBylines_AuthorOrGuest", "\"AuthorId\" IS NOT NULL OR \"GuestName\" <> ''"));
        b.HasKey(x => new { x.ArticleId, x.Position });
        b.Property(x => x.GuestName).HasMaxLength(ArticleByline.GuestNameMax);
        b.Property(x => x.GuestUrl).HasMaxLength(ArticleByline.GuestUrlMax);
        // An author's page finds co-written stories from here; a byline is on a story at most once.
        b.HasIndex(x => new { x.AuthorId, x.ArticleId }).IsUnique();
        // The co-author's side of an author page: a backwards walk from the cursor, a page long.
        b.HasIndex(x => new { x.AuthorId, x.PublishedAt, x.ArticleId });
        b.HasOne<Article>().WithMany(a => a.Bylines).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
