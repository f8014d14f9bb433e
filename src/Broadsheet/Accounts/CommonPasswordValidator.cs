using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Refuses passwords an attacker would try first: those on the common-password list, and the
/// reader's own email address or user name, which are shown on the sign-in form and in mail.
/// Runs beside Identity's own <see cref="PasswordValidator{TUser}"/>, which checks the length.
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    public const string CommonPasswordCode = "CommonPassword";
    public const string PasswordIsIdentityCode = "PasswordIsIdentity";

    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);

        // An empty password is Identity's PasswordValidator's to refuse (as too short); saying
        // nothing here keeps the reader from seeing two errors for one mistake.
        if (string.IsNullOrWhiteSpace(password))
        {
            return IdentityResult.Success;
        }

        var errors = new List<IdentityError>();

        if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError
            {
                Code = CommonPasswordCode,
                Description = "That password is one of the most common, so it is easy to guess. Choose another.",
            });
        }

        if (await IsIdentityAsync(manager, user, password))
        {
            errors.Add(new IdentityError
            {
                Code = PasswordIsIdentityCode,
                Description = "Your password can't be your email address or user name. Choose another.",
            });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static async Task<bool> IsIdentityAsync(UserManager<TUser> manager, TUser user, string password)
    {
        var candidate = password.Trim();

        var userName = await manager.GetUserNameAsync(user);
        if (Same(candidate, userName))
        {
            return true;
        }

        // GetEmailAsync throws when the store keeps no email, so ask only a store that does.
        if (manager.SupportsUserEmail && Same(candidate, await manager.GetEmailAsync(user)))
        {
            return true;
        }

        return false;
    }

    // Case-insensitive because email addresses and user names are matched that way at sign-in,
    // so "Ada@Example.com" guesses as easily as "ada@example.com".
    private static bool Same(string password, string? identity) =>
        !string.IsNullOrWhiteSpace(identity)
        && string.Equals(password, identity.Trim(), StringComparison.OrdinalIgnoreCase);
}
