using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Mail;

/// <summary>
/// An address list mail is no longer sent to: a server refused it for good (5xx on RCPT), or
/// someone stopped it by hand. Sending on to an address that bounces hurts the site's standing
/// with every receiver, so list mail to it is skipped until an admin releases it. Account mail
/// (resets, sign-in links) is still tried: the reader asked for it just now.
/// </summary>
public sealed class StoppedAddress
{
    /// <summary>The address, trimmed and lower-cased (<see cref="StoppedAddresses.Normalize"/>).</summary>
    public required string Address { get; set; }

    /// <summary>Why, in words: "refused by the receiving server", "stopped by hand".</summary>
    public required string Reason { get; set; }

    /// <summary>The server's reply as it came ("550 5.1.1 No such user"), or null.</summary>
    public string? SmtpReply { get; set; }

    public DateTime At { get; set; }
}

internal sealed class StoppedAddressConfiguration : IEntityTypeConfiguration<StoppedAddress>
{
    public void Configure(EntityTypeBuilder<StoppedAddress> t)
    {
        t.ToTable("StoppedAddresses");
        t.HasKey(x => x.Address);
        t.Property(x => x.Address).HasMaxLength(254);
        t.Property(x => x.Reason).HasMaxLength(200);
        t.Property(x => x.SmtpReply).HasMaxLength(500);
        t.HasIndex(x => x.At);
    }
}
