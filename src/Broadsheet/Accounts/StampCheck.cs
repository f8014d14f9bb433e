using System.Security.Claims;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Accounts;

/// <summary>
/// The periodic security-stamp check (every <c>Accounts:StampCheckSeconds</c>) in one query.
/// Identity's own check loads the user, then rebuilds the whole principal: user claims, roles,
/// and each role's claims, five statements per signed-in reader per interval. In a vote storm
/// every reader's first request after the interval pays it, and a profile of
/// <c>bench/votes.sh</c> put 40 % of the app's CPU there. This reads the stamp, the names and
/// the role names in one statement; when they match the cookie's claims the cookie is only
/// renewed, and when anything differs (a role granted or taken, a new name) Identity rebuilds
/// the principal as before. A changed stamp still ends the session.
/// The app stores no per-user or per-role claims rows, so nothing else can differ.
/// </summary>
public sealed class StampCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<User> signIn,
    ILoggerFactory logger, BroadsheetDb db) : SecurityStampValidator<User>(options, signIn, logger)
{
    private string[] roles = [];

    protected override async Task<User?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var ids = SignInManager.Options.ClaimsIdentity;
        if (!int.TryParse(principal?.FindFirstValue(ids.UserIdClaimType), out var id)) return null;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp, u.UserName, u.Email, u.DisplayName,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id)
                    .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync();
        var stamp = principal!.FindFirstValue(ids.SecurityStampClaimType);
        if (row is null || stamp is null || stamp != row.SecurityStamp) return null;
        roles = [.. row.Roles];
        return new User { Id = id, UserName = row.UserName, Email = row.Email, DisplayName = row.DisplayName, SecurityStamp = row.SecurityStamp };
    }

    protected override Task SecurityStampVerified(User user, CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !Matches(principal, user)) return base.SecurityStampVerified(user, context);
        context.ShouldRenew = true;
        // As Identity does: without sliding expiry a renewal restarts from now.
        if (!context.Options.SlidingExpiration) context.Properties.IssuedUtc = TimeProvider.GetUtcNow();
        return Task.CompletedTask;
    }

    /// <summary>True when the cookie says what <see cref="UserClaims"/> would write for this user now.</summary>
    private bool Matches(ClaimsPrincipal principal, User user)
    {
        var ids = SignInManager.Options.ClaimsIdentity;
        return principal.FindFirstValue(ids.UserNameClaimType) == user.UserName
            && principal.FindFirstValue(ids.EmailClaimType) == user.Email
            && principal.FindFirstValue(UserClaims.DisplayNameType) == user.DisplayName
            && principal.FindFirstValue(UserClaims.HandleType) == user.Handle
            && principal.FindAll(ids.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)
                .SequenceEqual(roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
