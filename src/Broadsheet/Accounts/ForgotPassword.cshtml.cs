using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Always answers "if there is an account, we sent a link", after the same work for every
/// address: one queued row, with no account lookup (the outbox sender does that, see
/// <see cref="AccountMailRequests"/>), so neither the words nor the time tell whether it has one.
/// </summary>
[Broadsheet.RateLimits.RateLimit("reset")]
public sealed class ForgotPasswordModel(AccountMail mail, ILogger<ForgotPasswordModel> log) : AccountPageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(AccountLimits.EmailMax, ErrorMessage = "An email address is at most 254 characters.")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public Form Input { get; set; } = new();

    public static string Sent(string email) =>
        $"If {email} has an account here, we have sent it a link to choose a new password. It works once, for one day.";

    protected override string PanelPartial => "_ForgotPasswordPanel";

    public IActionResult OnGet() => Panel();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var email = Input.Email.Trim();
        await mail.RequestResetAsync(email, ct);
        log.LogInformation("Password reset requested from {Client}", Client);
        return Done(Sent(email));
    }
}
