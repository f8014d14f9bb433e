using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// The link in the confirmation mail opens a page with one button: a GET never changes
/// anything, so a mail scanner that follows links cannot confirm (or spend) it. Confirming signs
/// the reader in (the link proved the mailbox, as a sign-in link does) and returns them to the
/// page they signed up from: a local path carried from the sign-up form through the mail, anything
/// else becomes "/". Only the first confirmation signs in; an old link afterwards only says so.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<User> users, SignInManager<User> signIn, TimeProvider clock, ILogger<ConfirmEmailModel> log) : AccountPageModel
{
    public const string BadLink = "This confirmation link is not valid. It may have expired: sign in and we will send a new one.";

    [BindProperty(SupportsGet = true, Name = "user")] public int UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public static string PathFor(int userId, string token, string returnUrl = "/") =>
        $"/account/confirm?user={userId}&token={Uri.EscapeDataString(token)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    protected override string PanelPartial => "_ConfirmEmailPanel";

    public IActionResult OnGet() => Panel();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId > 0 ? await users.FindByIdAsync(UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        if (user is null || string.IsNullOrEmpty(Token) || Token.Length > 2000) return Refuse();
        if (user.EmailConfirmed) return Done("Your email address is already confirmed. You can sign in.");
        var result = await users.ConfirmEmailAsync(user, Token);
        if (!result.Succeeded) return Refuse();
        log.LogInformation("Email confirmed for user {UserId}", user.Id);
        Confirmed = true;
        // An admin's lock is not lifted by a mailbox proof: such an account is confirmed but not signed in.
        if (AccountLock.Of(user, clock.GetUtcNow()) == LockState.Locked || !await signIn.CanSignInAsync(user))
            return Done("Your email address is confirmed. Welcome! You can sign in now.");
        await signIn.SignInAsync(user, isPersistent: true);
        log.LogInformation("Signed in user {UserId} on confirming their email", user.Id);
        return GoBack("Confirmed. Signing in…");
    }

    private IActionResult Refuse()
    {
        ModelState.AddModelError("", BadLink);
        return Invalid();
    }
}
