using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Sign-up always ends in "check your inbox", whether the address is new or already has an
/// account, after alike work: one password hash and one address-only outbox row, plus the user
/// row for a new address. The sender then writes a confirmation link for an unconfirmed account
/// or a note to sign in for a confirmed one (<see cref="AccountMailRequests"/>).
/// Only problems with what was typed (a short or common password, a bad name) are shown.
/// </summary>
[Broadsheet.RateLimits.RateLimit("sign-up")]
public sealed class SignUpModel(UserManager<User> users, AccountMail mail, TimeProvider clock, ILogger<SignUpModel> log) : AccountPageModel
{
    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(AccountLimits.EmailMax, ErrorMessage = "An email address is at most 254 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the name to show with your comments.")]
        [StringLength(AccountLimits.DisplayNameMax, ErrorMessage = "A display name is at most 60 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordRules.MaxLength, ErrorMessage = "A password is at most 128 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty] public Form Input { get; set; } = new();

    public static string CheckInbox(string email) =>
        $"Check your inbox at {email}. We have sent a link to finish signing up; it works for one day.";

    protected override string PanelPartial => "_SignUpPanel";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(ReturnPath) : Panel();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = DisplayName.Clean(Input.DisplayName);
        if (ModelState.IsValid && name is null)
            ModelState.AddModelError("Input.DisplayName", "A display name needs at least one visible character and no control characters.");
        if (!ModelState.IsValid) return Invalid();

        var email = Input.Email.Trim();
        var candidate = new User { Email = email, UserName = Handles.Base(name!), DisplayName = name!, JoinedAt = clock.GetUtcNow().UtcDateTime };
        // Password rules first, for every address alike.
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, candidate, Input.Password);
            foreach (var e in verdict.Errors) ModelState.AddModelError("Input.Password", e.Description);
        }
        if (!ModelState.IsValid) return Invalid();

        // Both paths hash the password once and queue one address-only row; only a new address adds
        // the user row. Which mail to write (confirm, or "already registered") is decided by the outbox
        // sender (AccountMailRequests), outside the request, so its time does not tell them apart.
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var created = await UserAdmin.CreateWithHandleAsync(users, candidate, Input.Password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(candidate, Roles.Reader);
                log.LogInformation("Account {UserId} created from {Client}", candidate.Id, Client);
            }
            else if (!created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
            {
                foreach (var e in created.Errors) ModelState.AddModelError("", e.Description);
                return Invalid();
            }
            // else: lost a race with a sign-up for the same address; that account gets the mail.
        }
        else
        {
            // Hashed and thrown away, so a registered address costs what creating an account does.
            users.PasswordHasher.HashPassword(candidate, Input.Password);
            log.LogInformation("Sign-up attempted for existing account {UserId} from {Client}", existing.Id, Client);
        }
        await mail.RequestSignUpAsync(email, ReturnPath, ct);
        return Done(CheckInbox(email));
    }
}
