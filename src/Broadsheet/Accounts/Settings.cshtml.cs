using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// The reader's own account: name, email (re-confirmed), password, sessions, their data and
/// deleting the account. Changing email or password, or deleting, asks for the current password.
/// </summary>
[Authorize]
[NeverStored]
public sealed class SettingsModel(UserManager<User> users, SignInManager<User> signIn, AccountMail mail,
    AccountDeletion deletion, ILogger<SettingsModel> log) : PageModel
{
    public User Account { get; private set; } = null!;
    public bool HasPassword { get; private set; }
    public IList<string> RoleNames { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        if (!await LoadAsync()) return Challenge();
        Message = done switch
        {
            "password" => "Your password has been changed. Other sessions have been signed out.",
            "name" => "Your display name has been saved.",
            "replies" => Account.EmailOnReply ? "We will email you when someone replies to your comments." : "We will not email you about replies.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostNameAsync(string? displayName)
    {
        if (!await LoadAsync()) return Challenge();
        var name = DisplayName.Clean(displayName);
        if (name is null) return Refuse($"A display name is 1 to {AccountLimits.DisplayNameMax} visible characters.");
        Account.DisplayName = name;
        await users.UpdateAsync(Account);
        await signIn.RefreshSignInAsync(Account); // the header reads the name from the cookie
        return RedirectToPage(new { done = "name" });
    }

    /// <summary>Opt in or out of reply mail (Comments/ReplyNotifier); on-site notifications come either way.</summary>
    public async Task<IActionResult> OnPostRepliesAsync(bool emailOnReply)
    {
        if (!await LoadAsync()) return Challenge();
        Account.EmailOnReply = emailOnReply;
        await users.UpdateAsync(Account);
        return RedirectToPage(new { done = "replies" });
    }

    public async Task<IActionResult> OnPostEmailAsync(string? newEmail, string? currentPassword, CancellationToken ct)
    {
        if (!await LoadAsync()) return Challenge();
        var email = newEmail?.Trim() ?? "";
        if (email.Length is 0 or > AccountLimits.EmailMax || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            return Refuse("Enter a valid new email address of at most 254 characters.");
        if (!await PasswordMatchesAsync(currentPassword)) return Refuse("Your current password is not right.");
        var token = await users.GenerateChangeEmailTokenAsync(Account, email);
        await mail.ConfirmEmailChangeAsync(email, Account.DisplayName, mail.Absolute(ConfirmEmailChangeModel.PathFor(Account.Id, email, token)), ct);
        Message = $"We have sent a link to {email}. Your address changes when you open it.";
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword)
    {
        if (!await LoadAsync()) return Challenge();
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length > PasswordRules.MaxLength)
            return Refuse($"Choose a new password of {PasswordRules.MinLength} to {PasswordRules.MaxLength} characters.");
        var result = HasPassword
            ? await users.ChangePasswordAsync(Account, currentPassword ?? "", newPassword)
            : await users.AddPasswordAsync(Account, newPassword);
        if (!result.Succeeded)
            return Refuse(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right." : e.Description).ToArray());
        // The change moved the security stamp: other sessions end, this one is re-issued.
        await signIn.RefreshSignInAsync(Account);
        log.LogInformation("Password changed for user {UserId}", Account.Id);
        return RedirectToPage(new { done = "password" });
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (!await LoadAsync()) return Challenge();
        await users.UpdateSecurityStampAsync(Account);
        await signIn.SignOutAsync();
        log.LogInformation("User {UserId} signed out everywhere", Account.Id);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? currentPassword, string? confirmEmail, CancellationToken ct)
    {
        if (!await LoadAsync()) return Challenge();
        var proven = HasPassword
            ? await PasswordMatchesAsync(currentPassword)
            : string.Equals(confirmEmail?.Trim(), Account.Email, StringComparison.OrdinalIgnoreCase);
        if (!proven) return Refuse(HasPassword ? "Your current password is not right." : "Type your email address to confirm.");
        await deletion.DeleteAsync(Account, ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Deleted");
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        Account = user;
        HasPassword = await users.HasPasswordAsync(user);
        RoleNames = await users.GetRolesAsync(user);
        return true;
    }

    private async Task<bool> PasswordMatchesAsync(string? password) =>
        !string.IsNullOrEmpty(password) && password.Length <= PasswordRules.MaxLength && await users.CheckPasswordAsync(Account, password);

    private PageResult Refuse(params string[] errors)
    {
        foreach (var e in errors) ModelState.AddModelError("", e);
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
