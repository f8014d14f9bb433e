using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// A new email address takes effect only from a link sent to it. Changing it moves the
/// security stamp, which spends the link.
/// </summary>
public sealed class ConfirmEmailChangeModel(UserManager<User> users, SignInManager<User> signIn, ILogger<ConfirmEmailChangeModel> log) : AccountPageModel
{
    public const string BadLink = "This link is not valid: it has expired or has already been used. Ask for a new one from your account page.";

    [BindProperty(SupportsGet = true, Name = "user")] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public static string PathFor(int userId, string email, string token) =>
        $"/account/confirm-email?user={userId}&email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";

    protected override string PanelPartial => "_ConfirmEmailChangePanel";

    public IActionResult OnGet() => Panel();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId > 0 ? await users.FindByIdAsync(UserId.ToString(CultureInfo.InvariantCulture)) : null;
        if (user is null || string.IsNullOrEmpty(Token) || Token.Length > 2000 || string.IsNullOrEmpty(Email) || Email.Length > AccountLimits.EmailMax)
            return Refuse(BadLink);
        var result = await users.ChangeEmailAsync(user, Email, Token);
        if (!result.Succeeded)
            return Refuse(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? "That address already belongs to another account."
                : BadLink);
        log.LogInformation("Email changed for user {UserId}", user.Id);
        // The stamp moved; keep this browser signed in if it is the owner's.
        if (User.UserId() == user.Id) await signIn.RefreshSignInAsync(user);
        return Done($"Your email address is now {Email}.");
    }

    private IActionResult Refuse(string error)
    {
        ModelState.AddModelError("", error);
        return Invalid();
    }
}
