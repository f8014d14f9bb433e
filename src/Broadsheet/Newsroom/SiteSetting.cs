using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Newsroom;

/// <summary>
/// One site setting changed in the newsroom (name, tagline, logo, time zone, social links,
/// comment policy, navigation...). A key that has no row falls back to configuration, so a
/// fresh install reads appsettings and the admin's changes win once made.
/// </summary>
public sealed class SiteSetting
{
    public required string Key { get; set; }
    /// <summary>The value as text; lists (social links, navigation) as JSON.</summary>
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> s)
    {
        s.ToTable("SiteSettings");
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(100);
    }
}
