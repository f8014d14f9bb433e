using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// The password policy, after NIST 800-63B: a minimum length, a generous maximum, no
/// character-class rules, and common passwords refused (by <see cref="CommonPasswordValidator{TUser}"/>).
/// Class rules are left off because they push people to "Password1!" rather than to something
/// long and hard to guess.
/// </summary>
public static class PasswordRules
{
    /// <summary>Shorter passwords fall to a brute-force guess whatever they contain.</summary>
    public const int MinLength = 8;

    /// <summary>
    /// Well above the 64 characters NIST says to accept, so passphrases and password managers
    /// fit, while still bounding the work of hashing what a form sends. Identity has no maximum of
    /// its own, so the form models enforce this one.
    /// </summary>
    public const int MaxLength = 128;

    public static void Apply(PasswordOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);

        o.RequiredLength = MinLength;
        o.RequireDigit = false;
        o.RequireLowercase = false;
        o.RequireUppercase = false;
        o.RequireNonAlphanumeric = false;
        // 1 turns Identity's distinct-character count off: it is one more composition rule of
        // the kind NIST advises against, and length plus the common list do its job better.
        o.RequiredUniqueChars = 1;
    }
}
