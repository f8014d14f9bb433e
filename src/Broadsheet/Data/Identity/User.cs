using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Identity;

/// <summary>
/// A reader or newsroom member. Identity's UserName is the public handle (/people/{handle}):
/// made once from the display name, it stays put when the name or email changes.
/// </summary>
public sealed class User : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public DateTime JoinedAt { get; set; }

    /// <summary>A banned reader can still read, but not comment or vote, until this time (DateTime.MaxValue: for good).</summary>
    public DateTime? BannedUntil { get; set; }
    public string? BanReason { get; set; }

    /// <summary>Opt-in: an email when someone replies to this reader's comment.</summary>
    public bool EmailOnReply { get; set; }

    public bool IsBanned(DateTime now) => BannedUntil is { } until && until > now;

    public string Handle => UserName ?? "";
}

/// <summary>Field limits, shared by the forms and the schema (RFC 5321 caps an address at 254).</summary>
public static class AccountLimits
{
    public const int DisplayNameMax = 60;
    public const int EmailMax = 254;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> u)
    {
        u.ToTable("Users");
        u.Property(x => x.DisplayName).HasMaxLength(AccountLimits.DisplayNameMax);
        u.Ignore(x => x.Handle);
        u.Property(x => x.BanReason).HasMaxLength(500);
    }
}

/// <summary>Identity's other tables get plain names like the rest of the schema.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> r)
    {
        r.ToTable("Roles");
        // Fixed rows, so both providers' migrations create the same four roles.
        r.HasData(Roles.All.Select((name, i) => new IdentityRole<int>
        {
            Id = i + 1,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{name}",
        }));
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<int>> b) => b.ToTable("UserRoles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> b) => b.ToTable("UserClaims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> b) => b.ToTable("UserLogins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> b) => b.ToTable("UserTokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> b) => b.ToTable("RoleClaims");
}
