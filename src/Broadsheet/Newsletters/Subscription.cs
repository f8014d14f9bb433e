using Broadsheet.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Security.Cryptography;

namespace Broadsheet.Newsletters;

/// <summary>What a subscription is to: a newsletter, or a followed author, section or tag.</summary>
public enum SubscriptionKind { Newsletter, Author, Category, Tag }

/// <summary>
/// How often: nothing, a daily or weekly digest, or a mail for each new story (an "alert"). A
/// newsletter subscription is always <see cref="EachStory"/>: it gets every issue.
/// </summary>
public enum Frequency { None, Daily, Weekly, EachStory }

/// <summary>
/// One reader (an account, or an anonymous address) wanting mail about one thing. Mail only ever
/// goes to rows with <see cref="ConfirmedAt"/> set: an anonymous address is confirmed by the link
/// in its confirmation mail (double opt-in), an account's by its confirmed sign-up. Unsubscribing
/// deletes the row, so an anonymous address that unsubscribes from everything is gone.
/// </summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public SubscriptionKind Kind { get; set; }

    /// <summary>The newsletter's, author's, section's or tag's id.</summary>
    public int TargetId { get; set; }

    /// <summary>The reader's account (mail goes to its current address); null for an anonymous subscriber.</summary>
    public int? UserId { get; set; }

    /// <summary>An anonymous subscriber's address, trimmed and lower-cased; null for an account's row.</summary>
    public string? Email { get; set; }

    public Frequency Frequency { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>
    /// The one secret of the row: it is in every mail's unsubscribe and preferences links (and the
    /// confirmation link), so it must be written into each mail and is kept as is, an unguessable
    /// id (128 random bits, URL-safe) under a UNIQUE index, never derived from the address or the id.
    /// </summary>
    public string Token { get; set; } = NewToken();

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A token as we mint them: 22 URL-safe characters. Anything else is refused before any query.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string? NormaliseEmail(string? raw)
    {
        var email = (raw ?? "").Trim();
        if (email.Length is < 3 or > 254 || email.Any(char.IsWhiteSpace)) return null;
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) return null;
        return email.ToLowerInvariant();
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> s)
    {
        s.ToTable("Subscriptions");
        s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        s.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(10);
        s.Property(x => x.Email).HasMaxLength(254);
        s.Property(x => x.Token).HasMaxLength(32);
        s.HasIndex(x => x.Token).IsUnique();
        // One row per reader (or address) and target, held by the database under races. NULLs are
        // distinct on both engines, so account rows and anonymous rows never collide with each other.
        s.HasIndex(x => new { x.UserId, x.Kind, x.TargetId }).IsUnique();
        s.HasIndex(x => new { x.Email, x.Kind, x.TargetId }).IsUnique();
        // The senders' read: who gets mail about this target at this frequency.
        s.HasIndex(x => new { x.Kind, x.TargetId, x.Frequency });
        s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
