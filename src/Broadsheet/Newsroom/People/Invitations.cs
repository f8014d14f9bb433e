using Broadsheet.Data.Identity;
using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Data;
using Microsoft.AspNetCore.Identity;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;

namespace Broadsheet.Newsroom.People;

/// <summary>
/// Admins invite an author or editor by email. The account is made at once in its role, with no
/// password and the address unconfirmed; the mail carries a password-reset link (Identity's token,
/// spent when the password is set, since that changes the security stamp) on Site:BaseUrl. Choosing
/// the password confirms the address, as any reset does. Audited as "user.invite".
/// </summary>
public sealed class Invitations(UserManager<User> users, BroadsheetDb db, AuditLog audit, AccountMail mail, TimeProvider clock)
{
    /// <summary>The roles an invitation can give: admins are made on the command line or by an admin's role change.</summary>
    public static readonly string[] Offered = [Roles.Author, Roles.Editor];

    /// <summary>Null when the invitation went out, else what to tell the admin.</summary>
    public async Task<string?> InviteAsync(string? email, string? name, string? role, ClaimsPrincipal by, CancellationToken ct)
    {
        email = email?.Trim() ?? "";
        if (email.Length is 0 or > AccountLimits.EmailMax || !new EmailAddressAttribute().IsValid(email)) return "Enter a valid email address.";
        if (role is null || !Offered.Contains(role)) return "Invite them as an author or an editor.";
        var display = DisplayName.Clean(string.IsNullOrWhiteSpace(name) ? email.Split('@')[0] : name);
        if (display is null) return $"A display name is 1 to {AccountLimits.DisplayNameMax} visible characters.";
        if (await users.FindByEmailAsync(email) is not null) return "That address already has an account: change its role on its page instead.";

        var user = new User { Email = email, DisplayName = display, JoinedAt = clock.GetUtcNow().UtcDateTime };
        var created = await UserAdmin.CreateWithHandleAsync(users, user, password: null);
        if (!created.Succeeded) return string.Join(" ", created.Errors.Select(e => e.Description));
        var added = await users.AddToRolesAsync(user, [Roles.Reader, role]);
        if (!added.Succeeded) return string.Join(" ", added.Errors.Select(e => e.Description));
        audit.Add(by, "user.invite", "user", user.Id.ToString(CultureInfo.InvariantCulture), $"Invited {display} ({email}) as {role}.");
        await db.SaveChangesAsync(ct);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mail.InviteAsync(email, display, role, mail.Absolute(ResetPasswordModel.PathFor(user.Id, token)), ct);
        return null;
    }
}
