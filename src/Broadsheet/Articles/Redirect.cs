using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Articles;

/// <summary>
/// An old URL path that answers 301 to a new one: imported permalinks, renamed slugs.
/// Looked up only when nothing else answered the path, so it costs the hot pages nothing.
/// </summary>
public sealed class Redirect
{
    public int Id { get; set; }
    /// <summary>Path only, as the request's decoded path reads (no host, no query), e.g. "/2019/03/old-story/".</summary>
    public required string FromPath { get; set; }
    public required string ToPath { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> r)
    {
        r.ToTable("Redirects");
        r.Property(x => x.FromPath).HasMaxLength(500);
        r.Property(x => x.ToPath).HasMaxLength(500);
        r.HasIndex(x => x.FromPath).IsUnique();
    }
}
