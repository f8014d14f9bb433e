using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>Creates the first admin from the one-time link printed at start (see <see cref="FirstAdmin"/>).</summary>
[Broadsheet.RateLimits.RateLimit("sign-up")]
public sealed class SetupModel(FirstAdmin setup, OneTimeTokens tokens, UserManager<User> users, SignInManager<User> signIn,
    ILogger<SetupModel> log) : AccountPageModel
{
    public const string BadLink = "This setup link is not valid: it has expired, has been used, or an admin already exists. Restart the site for a new link, or run `users create`.";

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public sealed class Form
    {
        [Required, EmailAddress, StringLength(AccountLimits.EmailMax)] public string Email { get; set; } = "";
        [Required, StringLength(AccountLimits.DisplayNameMax), Display(Name = "Display name")] public string DisplayName { get; set; } = "";
        [Required, StringLength(PasswordRules.MaxLength), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    [BindProperty] public Form Input { get; set; } = new();

    protected override string PanelPartial => "_SetupPanel";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await setup.NeededAsync(ct) || await tokens.PeekAsync(OneTimeTokens.Setup, Token, ct) is null)
        {
            ModelState.AddModelError("", BadLink);
            return Panel(StatusCodes.Status404NotFound);
        }
        return Panel();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var result = await setup.CompleteAsync(Token, Input.Email, Input.DisplayName, Input.Password, ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == "SetupLink" ? "" : "Input.Password", e.Description);
            return Invalid();
        }
        var admin = (await users.FindByEmailAsync(Input.Email.Trim()))!;
        log.LogWarning("First admin created: user {UserId} from {Client}", admin.Id, Client);
        await signIn.SignInAsync(admin, isPersistent: true);
        return LocalRedirect("/account");
    }
}
