using Broadsheet.Audit;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Shared;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// There is no default admin. While no admin exists, each start prints a one-time setup
/// link (like Ghost's /ghost/setup); the first person to use it becomes the admin.
/// </summary>
public sealed class FirstAdmin(BroadsheetDb db, UserManager<User> users, OneTimeTokens tokens, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public async Task<bool> NeededAsync(CancellationToken ct) =>
        !await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur).AnyAsync(ct);

    public Task<string> IssueLinkTokenAsync(CancellationToken ct) => tokens.IssueAsync(OneTimeTokens.Setup, null, LinkLifetime, ct);

    /// <summary>Creates the admin and spends the token in one transaction: a bad password leaves the link usable.</summary>
    public async Task<IdentityResult> CompleteAsync(string? token, string email, string displayName, string password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await NeededAsync(ct) || await tokens.RedeemAsync(OneTimeTokens.Setup, token, ct) is null)
            return IdentityResult.Failed(new IdentityError { Code = "SetupLink", Description = "This setup link has expired or been used. Restart the site for a new one, or use `users create`." });
        var result = await UserAdmin.CreateAsync(users, db, audit, clock, email, displayName, password, Roles.Admin, by: null);
        if (result.Succeeded) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>On start, when no admin exists, prints the setup link once the server knows its address.</summary>
    public static async Task AnnounceIfNeededAsync(WebApplication app)
    {
        if (!app.Configuration.GetValue("Accounts:AnnounceSetup", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<FirstAdmin>();
        if (!await setup.NeededAsync(app.Lifetime.ApplicationStopping)) return;
        var token = await setup.IssueLinkTokenAsync(app.Lifetime.ApplicationStopping);
        var origin = app.Services.GetRequiredService<SiteOrigin>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Once started, so that without Site:BaseUrl (Development) the server knows its address.
            var url = origin.Absolute($"/setup?token={token}");
            // A warning, so it shows at the default log level, in plain text in Development
            // and as one JSON line (still greppable) in production.
            app.Logger.LogWarning("No admin account yet. Create the first admin (link valid 24 hours, once): {SetupUrl}", url);
        });
    }
}
