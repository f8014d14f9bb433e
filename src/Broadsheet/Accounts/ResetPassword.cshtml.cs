using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Sets a new password from a reset link. The reset changes the security stamp, which spends
/// the link and ends every other session.
/// </summary>
[Broadsheet.RateLimits.RateLimit("reset")]
public sealed class ResetPasswordModel(UserManager<User> users, TimeProvider clock, ILogger<ResetPasswordModel> log) : AccountPageModel
{
    public const string BadLink = "This reset link is not valid: it has expired or has already been used. Ask for a new one.";

    [BindProperty(SupportsGet = true, Name = "user")] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a new password.")]
    [StringLength(PasswordRules.MaxLength, ErrorMessage = "A password is at most 128 characters.")]
    [DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    public static string PathFor(int userId, string token) =>
        $"/account/reset-password?user={userId}&token={Uri.EscapeDataString(token)}";

    protected override string PanelPartial => "_ResetPasswordPanel";

    public IActionResult OnGet() => Panel();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Invalid();
        var user = UserId > 0 ? await users.FindByIdAsync(UserId.ToString(CultureInfo.InvariantCulture)) : null;
        if (user is null || string.IsNullOrEmpty(Token) || Token.Length > 2000)
        {
            ModelState.AddModelError("", BadLink);
            return Invalid();
        }
        // Like a sign-in link, the reset link proves the mailbox: a pause from wrong passwords does
        // not stop it, and is lifted once the password changes. An admin's lock stays. The token is
        // checked first, so only the mailbox's owner learns that the account is locked.
        var state = AccountLock.Of(user, clock.GetUtcNow());
        if (state == LockState.Locked && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<User>.ResetPasswordTokenPurpose, Token))
        {
            log.LogWarning("Password reset refused for locked user {UserId} from {Client}", user.Id, Client);
            ModelState.AddModelError("", UseSignInLinkModel.Locked);
            return Invalid();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError("", e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? BadLink : e.Description);
            return Invalid();
        }
        if (state == LockState.Paused) await LiftPauseAsync(user);
        // Following the link proved the mailbox, so it also confirms the address.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        log.LogInformation("Password reset for user {UserId} from {Client}", user.Id, Client);
        return Done("Your password has been changed, and any other sessions have been signed out. You can sign in now.");
    }

    /// <summary>Ends the pause and forgets the failed tries: following the link proved the mailbox.</summary>
    private async Task LiftPauseAsync(User user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}
