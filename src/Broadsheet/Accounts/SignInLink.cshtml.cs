using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Sign in without a password: a one-time link by email, as Ghost members have. Like the
/// forgotten-password form, it queues the address alone and the outbox sender makes the link.
/// </summary>
[Broadsheet.RateLimits.RateLimit("sign-in-link")]
public sealed class SignInLinkModel(AccountMail mail, ILogger<SignInLinkModel> log) : AccountPageModel
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
        await mail.RequestSignInLinkAsync(email, ReturnPath, ct);
        log.LogInformation("Sign-in link requested from {Client}", Client);
        return Done(Sent(email));
    }
}
