using Broadsheet.Accounts;
using Broadsheet.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Broadsheet.Data.Identity;

namespace Broadsheet.Comments;

public enum CommentStatus
{
    /// <summary>Shown to everyone.</summary>
    Visible,
    /// <summary>Waiting for a moderator; shown only to its author, marked "awaiting moderation".</summary>
    Held,
    /// <summary>Refused by a moderator; shown to nobody.</summary>
    Rejected,
    /// <summary>Deleted by its author while it had replies: stays in the thread as "[deleted]".</summary>
    Deleted,
}

/// <summary>A reader's reply to an article or to another comment.</summary>
public sealed class Comment
{
    public const int MaxLength = 5000;

    public long Id { get; set; }
    public int ArticleId { get; set; }
    public long? ParentId { get; set; }
    /// <summary>Null once the author deletes their account (the comment stays, by "deleted user"), and for imported guests (see GuestName).</summary>
    public int? UserId { get; set; }
    /// <summary>The name a commenter without an account gave (comments imported from WordPress); null for readers' comments.</summary>
    public string? GuestName { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public CommentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public int Upvotes { get; set; }
    public int Downvotes { get; set; }
    /// <summary><see cref="Ranking.Wilson"/> lower bound of the votes, for "Best".</summary>
    public double Score { get; set; }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> c)
    {
        c.ToTable("Comments");
        c.Property(x => x.BodyMarkdown).HasMaxLength(Comment.MaxLength);
        c.Property(x => x.GuestName).HasMaxLength(100);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        // A thread loads by article; the moderation queue by status.
        c.HasIndex(x => new { x.ArticleId, x.CreatedAt });
        c.HasIndex(x => new { x.Status, x.CreatedAt });
        c.HasIndex(x => new { x.UserId, x.CreatedAt });
        c.HasIndex(x => x.ParentId);
        c.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // Replies keep their parent row (a deleted parent with replies stays as "[deleted]").
        c.HasOne<Comment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>One reader's vote on one comment (+1 or -1).</summary>
public sealed class CommentVote
{
    public long CommentId { get; set; }
    public int UserId { get; set; }
    public int Value { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class CommentVoteConfiguration : IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<CommentVote> v)
    {
        v.ToTable("CommentVotes", t => t.HasCheckConstraint("CK_CommentVotes_Value", "\"Value\" IN (-1, 1)"));
        v.HasKey(x => new { x.CommentId, x.UserId });
        v.HasIndex(x => x.UserId);
        v.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A reader's report of a comment, with their reason. One per reader per comment.</summary>
public sealed class CommentReport
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public int? UserId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when a moderator has dealt with it.</summary>
    public DateTime? ResolvedAt { get; set; }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public const int ReasonMax = 500;

    public void Configure(EntityTypeBuilder<CommentReport> r)
    {
        r.ToTable("CommentReports");
        r.Property(x => x.Reason).HasMaxLength(ReasonMax);
        r.HasIndex(x => new { x.CommentId, x.UserId }).IsUnique();
        r.HasIndex(x => x.ResolvedAt);
        r.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>"Someone replied to you": listed on /notifications, counted unread in the header.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public long CommentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.ToTable("Notifications");
        n.HasIndex(x => new { x.UserId, x.ReadAt });
        n.HasIndex(x => new { x.UserId, x.CommentId }).IsUnique();
        n.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
