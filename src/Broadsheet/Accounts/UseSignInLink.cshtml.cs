using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Opening the link shows a "Sign me in" button; the POST spends the token. Link scanners
/// in mail systems fetch links, and must not use up (or use) a sign-in.
/// </summary>
[Broadsheet.RateLimits.RateLimit("sign-in")]
public sealed class UseSignInLinkModel(OneTimeTokens tokens, UserManager<User> users, SignInManager<User> signIn,
    TimeProvider clock, ILogger<UseSignInLinkModel> log) : AccountPageModel
{
    public const string Locked = "This account is locked, so it cannot sign in. If you think that is a mistake, reply to the newsroom.";
    public const string BadLink = "This sign-in link is not valid: it has expired or has already been used. Ask for a new one.";

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public static string PathFor(string token, string returnUrl) =>
        $"/account/link?token={token}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    protected override string PanelPartial => "_UseSignInLinkPanel";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await tokens.PeekAsync(OneTimeTokens.SignIn, Token, ct) is null) ModelState.AddModelError("", BadLink);
        return Panel();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var spent = await tokens.RedeemAsync(OneTimeTokens.SignIn, Token, ct);
        var user = spent?.UserId is int id ? await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) : null;
        if (user is null)
        {
            log.LogWarning("Sign-in link refused from {Client}: unknown, used or expired", Client);
            ModelState.AddModelError("", BadLink);
            return Invalid();
        }
        // A link proves the mailbox, so a pause from wrong passwords (which anyone can cause) does
        // not stop it, and is lifted; an admin's lock is not a matter of proof, and stays.
        switch (AccountLock.Of(user, clock.GetUtcNow()))
        {
            case LockState.Locked:
                log.LogWarning("Sign-in link refused for locked user {UserId} from {Client}", user.Id, Client);
                ModelState.AddModelError("", Locked);
                return Invalid();
            case LockState.Paused:
                await LiftPauseAsync(user);
                break;
        }
        // The link proved the mailbox: that confirms the address too.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await signIn.SignInAsync(user, isPersistent: true);
        log.LogInformation("Sign-in succeeded for user {UserId} from {Client} with a sign-in link", user.Id, Client);
        return GoBack("Signing in…");
    }

    /// <summary>Ends the pause and forgets the failed tries: following the link proved the mailbox.</summary>
    private async Task LiftPauseAsync(User user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}
