using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Shared;

/// <summary>
/// Hits for one policy, client and fixed window. Kept in the database every instance shares,
/// so N instances behind a load balancer enforce one limit, not N.
/// </summary>
public sealed class RateLimitCounter
{
    public required string Key { get; set; }
    public int Hits { get; set; }
    /// <summary>Unix seconds; rows past it are dead and swept.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> c)
    {
        c.ToTable("RateLimitCounters");
        c.HasKey(x => x.Key);
        c.Property(x => x.Key).HasMaxLength(200);
        c.HasIndex(x => x.ExpiresAt);
    }
}
