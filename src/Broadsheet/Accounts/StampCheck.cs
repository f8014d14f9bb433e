using System.Security.Claims;
using Broadsheet.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Accounts;

/// <summary>
/// The periodic security-stamp check (every <c>Accounts:StampCheckSeconds</c>) in one grouped read
/// (<see cref="StampReads"/>), taken by <see cref="StampDue"/> when nothing changed.
/// Identity's own check loads the user, then rebuilds the whole principal: user claims, roles,
/// and each role's claims, five statements per signed-in reader per interval. In a vote storm
/// every reader's first request after the interval pays it, and a profile of
/// <c>bench/votes.sh</c> put 40 % of the app's CPU there. This reads the stamp, the names and
/// the role names once; when they match the cookie's claims the cookie is only
/// renewed, and when anything differs (a role granted or taken, a new name) Identity rebuilds
/// the principal as before. A changed stamp still ends the session.
/// The app stores no per-user or per-role claims rows, so nothing else can differ.
/// </summary>
public sealed class StampCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<User> signIn,
    ILoggerFactory logger, StampReads reads) : SecurityStampValidator<User>(options, signIn, logger)
{
    private string[] roles = [];

    protected override async Task<User?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var ids = SignInManager.Options.ClaimsIdentity;
        if (!int.TryParse(principal?.FindFirstValue(ids.UserIdClaimType), out var id)) return null;
        var row = await reads.ReadAsync(id, CancellationToken.None);
        var stamp = principal!.FindFirstValue(ids.SecurityStampClaimType);
        if (row is null || stamp is null || stamp != row.SecurityStamp) return null;
        roles = row.Roles;
        return UserOf(row);
    }

    protected override Task SecurityStampVerified(User user, CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !Matches(principal, user, roles, SignInManager.Options.ClaimsIdentity))
            return base.SecurityStampVerified(user, context);
        Renew(context, TimeProvider);
        return Task.CompletedTask;
    }

    internal static User UserOf(StampRow row) =>
        new() { Id = row.Id, UserName = row.UserName, Email = row.Email, DisplayName = row.DisplayName, SecurityStamp = row.SecurityStamp };

    /// <summary>What Identity does once the stamp matched and the principal needs no rebuild.</summary>
    internal static void Renew(CookieValidatePrincipalContext context, TimeProvider clock)
    {
        context.ShouldRenew = true;
        // As Identity does: without sliding expiry a renewal restarts from now.
        if (!context.Options.SlidingExpiration) context.Properties.IssuedUtc = clock.GetUtcNow();
    }

    /// <summary>True when the cookie says what <see cref="UserClaims"/> would write for this user now.</summary>
    internal static bool Matches(ClaimsPrincipal principal, User user, string[] roles, ClaimsIdentityOptions ids) =>
        principal.FindFirstValue(ids.UserNameClaimType) == user.UserName
        && principal.FindFirstValue(ids.EmailClaimType) == user.Email
        && principal.FindFirstValue(UserClaims.DisplayNameType) == user.DisplayName
        && principal.FindFirstValue(UserClaims.HandleType) == user.Handle
        && principal.FindAll(ids.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)
            .SequenceEqual(roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}

/// <summary>
/// The validator the sign-in cookie calls on every request. Identity resolves its validator per
/// request, and building <see cref="StampCheck"/> builds a SignInManager, a UserManager and its
/// token providers; a vote storm's profile put that among a vote's largest costs. This applies
/// Identity's own rule first (no issue date, or older than <c>Accounts:StampCheckSeconds</c>);
/// when the check is due it reads the row through <see cref="StampReads"/> (grouped with the other
/// due checks) and, when the stamp and every claim still match, only renews the cookie, as
/// <see cref="StampCheck"/> would. Anything else (no such user, a new stamp, a changed role or
/// name) goes to <see cref="StampCheck"/>, which signs out or rebuilds the principal as Identity
/// does; so a session ends exactly when it did before.
/// </summary>
/// A request whose cookie another request is already checking (a double click) shares that
/// check's verdict and leaves the renewal to it (<see cref="StampRenewals"/>).
internal sealed class StampDue(IOptions<SecurityStampValidatorOptions> options, IOptions<IdentityOptions> identity, StampReads reads,
    StampRenewals renewals) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var o = options.Value;
        var clock = o.TimeProvider ?? TimeProvider.System;
        if (context.Properties.IssuedUtc is { } issued && clock.GetUtcNow() - issued <= o.ValidationInterval) return;
        var ids = identity.Value.ClaimsIdentity;
        if (context.Principal is { } principal && int.TryParse(principal.FindFirstValue(ids.UserIdClaimType), out var id)
            && principal.FindFirstValue(ids.SecurityStampClaimType) is { } stamp)
        {
            var window = StampRenewals.WindowFor(o.ValidationInterval);
            var key = context.Properties.IssuedUtc is { } at && window > TimeSpan.Zero ? StampRenewals.Key(id, at, stamp, principal, ids) : null;
            TaskCompletionSource<bool>? mine = null;
            if (key is not null && renewals.Join(key, window, out mine) is { } earlier)
            {
                if (await earlier.WaitAsync(context.HttpContext.RequestAborted)) return;
            }
            else
            {
                var passed = false;
                try
                {
                    passed = await reads.ReadAsync(id, context.HttpContext.RequestAborted) is { } row && row.SecurityStamp == stamp
                        && StampCheck.Matches(principal, StampCheck.UserOf(row), row.Roles, ids);
                }
                finally
                {
                    if (mine is not null) renewals.Settle(key!, mine, passed);
                }
                if (passed)
                {
                    StampCheck.Renew(context, clock);
                    return;
                }
            }
        }
        await context.HttpContext.RequestServices.GetRequiredService<StampCheck>().ValidateAsync(context);
    }
}
