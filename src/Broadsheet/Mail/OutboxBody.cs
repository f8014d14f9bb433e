using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Mail;

/// <summary>
/// The body of a bulk mail, stored once for all its recipients (100,000 copies of a newsletter
/// would be gigabytes of rows); each <see cref="OutboxMail"/> of the batch points at it. One per
/// batch: queuing the same batch again reuses it. Deleted by the sweep once no row points at it.
/// </summary>
public sealed class OutboxBody
{
    public long Id { get; set; }
    public required string Batch { get; set; }
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class OutboxBodyConfiguration : IEntityTypeConfiguration<OutboxBody>
{
    public void Configure(EntityTypeBuilder<OutboxBody> t)
    {
        t.ToTable("OutboxBodies");
        t.HasKey(x => x.Id);
        t.Property(x => x.Batch).HasMaxLength(100);
        t.HasIndex(x => x.Batch).IsUnique();
    }
}
