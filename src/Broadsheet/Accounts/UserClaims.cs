using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>Puts the display name and handle in the cookie, so the header needs no query.</summary>
public sealed class UserClaims(UserManager<User> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<int>>(users, roles, options)
{
    public const string DisplayNameType = "display_name";
    public const string HandleType = "handle";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameType, user.DisplayName));
        identity.AddClaim(new Claim(HandleType, user.Handle));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static int? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal principal) => principal.FindFirstValue(UserClaims.DisplayNameType) ?? "";

    public static string Handle(this ClaimsPrincipal principal) => principal.FindFirstValue(UserClaims.HandleType) ?? "";
}
