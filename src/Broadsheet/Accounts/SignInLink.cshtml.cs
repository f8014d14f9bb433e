using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Accounts;

/// <summary>Sign in without a password: a one-time link by email, as Ghost members have.</summary>
[Broadsheet.Shared.RateLimit("sign-in-link")]
public sealed class SignInLinkModel(UserManager<User> users, OneTimeTokens tokens, AccountMail mail, ILogger<SignInLinkModel> log) : AccountPageModel
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(AccountLimits.EmailMax, ErrorMessage = "An email address is at most 254 characters.")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public Form Input { get; set; } = new();

    public static string Sent(string email) =>
        $"If {email} has an account here, we have sent it a sign-in link. It works once, within 15 minutes.";

    protected override string PanelPartial => "_SignInLinkPanel";

    public IActionResult OnGet() => Panel();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            var token = await tokens.IssueAsync(OneTimeTokens.SignIn, user.Id, Lifetime, ct);
            await mail.SignInLinkAsync(email, user.DisplayName, mail.Absolute(UseSignInLinkModel.PathFor(token, ReturnPath)), ct);
            log.LogInformation("Sign-in link sent to user {UserId} from {Client}", user.Id, Client);
        }
        return Done(Sent(email));
    }
}
