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

    private sealed record Row(string? SecurityStamp, string? UserName, string? Email, string DisplayName, List<string> Roles);

    // Compiled once: a vote storm makes this check for nearly every reader's first vote, and
    // EF's per-call work on a LINQ query (parameter extraction, cache lookup) cost more than the statement.
    private static readonly Func<BroadsheetDb, int, Task<Row?>> Read = EF.CompileAsyncQuery((BroadsheetDb db, int id) =>
        db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Row(u.SecurityStamp, u.UserName, u.Email, u.DisplayName,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .FirstOrDefault());

    protected override async Task<User?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var ids = SignInManager.Options.ClaimsIdentity;
        if (!int.TryParse(principal?.FindFirstValue(ids.UserIdClaimType), out var id)) return null;
        var row = await Read(db, id);
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

/// <summary>
/// The validator the sign-in cookie calls on every request. Identity resolves its validator per
/// request, and building <see cref="StampCheck"/> builds a SignInManager, a UserManager and its
/// token providers; a vote storm's profile put that among a vote's largest costs, on requests
/// whose check was not even due. This applies Identity's own rule first (no issue date, or older
/// than <c>Accounts:StampCheckSeconds</c>) and builds the check only when it is due, so a session
/// ends exactly when it did before.
/// </summary>
internal sealed class StampDue(IOptions<SecurityStampValidatorOptions> options) : ISecurityStampValidator
{
    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var o = options.Value;
        var now = (o.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= o.ValidationInterval) return Task.CompletedTask;
        return context.HttpContext.RequestServices.GetRequiredService<StampCheck>().ValidateAsync(context);
    }
}
