using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Pages;

public enum PageStatus { Draft, Published }

/// <summary>
/// A static page (About, Contact, Corrections policy, Privacy): written in the newsroom with the
/// article editor's Markdown, read at /pages/{slug}. No section, tags, byline list or counters:
/// it is not news, so it stays out of feeds and lists.
/// </summary>
public sealed class Page
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string BodyMarkdown { get; set; } = "";

    /// <summary>Rendered and sanitized when the body is saved (as articles), never per request.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>Plain text, for the meta description and the API's plaintext format.</summary>
    public string BodyText { get; set; } = "";

    /// <summary>Overrides the meta description; empty uses the start of the body.</summary>
    public string Description { get; set; } = "";

    public PageStatus Status { get; set; } = PageStatus.Draft;

    /// <summary>Listed in the site's top navigation and/or footer, each in <see cref="Position"/> order.</summary>
    public bool InMenu { get; set; }
    public bool InFooter { get; set; }
    public int Position { get; set; }

    // Off by default: a policy page is not a debate. Turned on, the page's hidden companion
    // article (Articles/Companion) holds the votes, views and comments.
    public bool AllowComments { get; set; }
    public bool AllowVotes { get; set; }

    /// <summary>Counted like a story's views (Views/IViewPaths), shown with the vote line.</summary>
    public bool CountViews { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The account that last saved it; null for the demo seed and imports without an account.</summary>
    public int? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>Sets the Markdown and everything derived from it in one place, through the articles' pipeline.</summary>
    public void SetBody(string markdown)
    {
        BodyMarkdown = markdown;
        BodyHtml = Articles.ArticleBody.ToSafeHtml(markdown);
        BodyText = Articles.ArticleBody.ToPlainText(markdown);
    }
}

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> p)
    {
        p.ToTable("Pages");
        p.Property(x => x.Title).HasMaxLength(300);
        p.Property(x => x.Slug).HasMaxLength(200);
        p.HasIndex(x => x.Slug).IsUnique();
        p.Property(x => x.Description).HasMaxLength(500);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.AuthorName).HasMaxLength(120);
        // No foreign key to Users: deleting an account must not delete the site's About page.
        p.HasIndex(x => new { x.Status, x.Position });
    }
}
