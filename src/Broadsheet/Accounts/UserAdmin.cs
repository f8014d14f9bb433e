using Broadsheet.Audit;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>Creating accounts with a role: the first-admin setup page and the `users create` command.</summary>
public static class UserAdmin
{
    /// <summary>
    /// Creates a confirmed account (an operator vouches for the address) in the given role. Giving
    /// a newsroom role is an account action like a role change, so it is audited ("user.create"),
    /// in one transaction with the account: <paramref name="by"/> names the actor ("operator" for
    /// the command line), or null when the new account made itself (the setup link).
    /// </summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<User> users, BroadsheetDb db, AuditLog audit, TimeProvider clock,
        string email, string? displayName, string password, string role, string? by)
    {
        if (!Roles.TryParse(role, out var roleName))
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"Role must be one of: {string.Join(", ", Roles.All)}." });
        var name = DisplayName.Clean(displayName ?? email.Split('@')[0]);
        if (name is null)
            return IdentityResult.Failed(new IdentityError { Code = "DisplayName", Description = $"Display name must be 1 to {AccountLimits.DisplayNameMax} characters." });

        // Joins the caller's transaction when there is one (the setup page spends its token in it).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var created = await CreateWithHandleAsync(users, new User
        {
            Email = email.Trim(),
            DisplayName = name,
            EmailConfirmed = true,
            JoinedAt = clock.GetUtcNow().UtcDateTime,
        }, password);
        if (!created.Succeeded) return created;
        var user = (await users.FindByEmailAsync(email.Trim()))!;
        // Every account is a reader; newsroom roles are added on top.
        var roles = roleName == Roles.Reader ? [Roles.Reader] : new[] { Roles.Reader, roleName };
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) return added;
        var detail = $"Created the account {user.DisplayName} (@{user.Handle}) as {roleName}";
        var id = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (by is null) audit.Add(user.Id, user.DisplayName, "user.create", "user", id, detail);
        else audit.Add(null, by, "user.create", "user", id, detail);
        await db.SaveChangesAsync();
        if (tx is not null) await tx.CommitAsync();
        return added;
    }

    /// <summary>
    /// Creates the user under the first free handle made from the display name. Identity's
    /// unique index settles races: a taken handle fails with DuplicateUserName and the next is tried.
    /// </summary>
    public static async Task<IdentityResult> CreateWithHandleAsync(UserManager<User> users, User user, string? password)
    {
        IdentityResult result = IdentityResult.Failed();
        foreach (var handle in Handles.Candidates(user.DisplayName).Take(12))
        {
            user.UserName = handle;
            if (await users.FindByNameAsync(handle) is not null) continue;
            result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (result.Succeeded || result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName))) return result;
        }
        return result;
    }
}
