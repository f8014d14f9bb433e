using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

[Broadsheet.RateLimits.RateLimit("sign-in")]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AccountMail mail,
    AfterSignIn after, TimeProvider clock, ILogger<SignInModel> log) : AccountPageModel
{
    // One text for "no such account", "wrong password" and "locked": none of them tells a
    // stranger whether an address has an account here.
    public const string Failed = "That email and password did not match an account we can sign you in to. After 5 wrong tries, password sign-in pauses for 15 minutes; a sign-in link by email still works.";

    public sealed class Form
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(AccountLimits.EmailMax, ErrorMessage = "An email address is at most 254 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(PasswordRules.MaxLength, ErrorMessage = "A password is at most 128 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool Remember { get; set; } = true;
    }

    [BindProperty] public Form Input { get; set; } = new();

    /// <summary>
    /// What the reader was doing when asked to sign in (then=follow:author:ada on the GET), sealed
    /// by <see cref="AfterSignIn"/>: the POST does only the action whose description it showed.
    /// </summary>
    [BindProperty] public string? ThenSeal { get; set; }

    /// <summary>"and then upvote “Title”", shown under the heading; null when there is nothing to do after.</summary>
    public string? ThenDescription { get; private set; }

    protected override string PanelPartial => "_SignInPanel";

    public async Task<IActionResult> OnGetAsync(string? then, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(ReturnPath);
        Carry(await after.DescribeAsync(then, ct));
        return Panel();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var then = await after.OpenAsync(ThenSeal, ct);
        Carry(then);
        if (!ModelState.IsValid) return Invalid();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // Hash first, on every attempt, then decide: an unknown address (against a dummy hash), a
        // paused or locked account and a wrong password each cost one hash and get one answer, so
        // neither the words nor the time tell a stranger which it was, or that the account exists.
        var verdict = users.PasswordHasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? DummyHash.Value, Input.Password);
        if (user is null)
        {
            log.LogWarning("Sign-in failed for an unknown account from {Client}", Client);
            return Fail();
        }
        if (AccountLock.Of(user, clock.GetUtcNow()) is var state and not LockState.Open)
        {
            log.LogWarning("Sign-in refused for user {UserId} from {Client}: locked out ({State}) until {Until:o}", user.Id, Client, state, user.LockoutEnd);
            return Fail();
        }
        if (verdict == PasswordVerificationResult.Failed || user.PasswordHash is null)
        {
            // Counts the try; the last one allowed pauses password sign-in (a mailed link still works).
            await users.AccessFailedAsync(user);
            log.LogWarning("Sign-in failed for user {UserId} from {Client}: wrong password", user.Id, Client);
            return Fail();
        }
        // Right password. Password and lockout come before email confirmation: Identity's own order
        // would say "unconfirmed" before checking the password, telling anyone that the address exists.
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) await users.CheckPasswordAsync(user, Input.Password); // stores the stronger hash
        if (user.AccessFailedCount > 0) await users.ResetAccessFailedCountAsync(user);
        if (!user.EmailConfirmed)
        {
            // Right password, unconfirmed email: only the owner gets this far, so say what to do.
            log.LogWarning("Sign-in refused for user {UserId} from {Client}: email not confirmed", user.Id, Client);
            await SendConfirmationAsync(user, ct);
            ModelState.AddModelError("", "Confirm your email address first. We have sent you a new confirmation link.");
            return Invalid();
        }
        await signIn.SignInAsync(user, Input.Remember);
        log.LogInformation("Sign-in succeeded for user {UserId} from {Client}", user.Id, Client);
        await after.RunAsync(user.Id, then, ct);
        return GoBack("Signing in…");
    }

    /// <summary>Shows the action and seals it into the form; an unknown or tampered one is dropped, shown and done nowhere.</summary>
    private void Carry(ThenAction? then)
    {
        ThenSeal = then is null ? null : after.Seal(then);
        ThenDescription = then?.Description;
    }

    private IActionResult Fail()
    {
        ModelState.AddModelError("", Failed);
        return Invalid();
    }

    private async Task SendConfirmationAsync(User user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.ConfirmEmailAsync(user.Email!, user.DisplayName, mail.Absolute(ConfirmEmailModel.PathFor(user.Id, token)), ct);
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), "not-a-real-password"));
}
