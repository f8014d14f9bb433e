using Broadsheet.Mail;
using Microsoft.AspNetCore.Identity;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>
/// Writes the sign-up, reset and sign-in-link mails the outbox sender finds queued as an address alone.
/// The forms queue the same row for every address and never look the account up, so the answer
/// takes as long for an address with no account as for one with; the lookup, the token and the
/// link are made here, outside the request, and a row for an address with no account is dropped.
/// </summary>
public sealed class AccountMailRequests(UserManager<User> users, OneTimeTokens tokens, AccountMail mail,
    ILogger<AccountMailRequests> log) : IMailRequestResolver
{
    public const string Reset = "reset";
    public const string SignIn = "sign-in-link";
    public const string SignUp = "sign-up";

    public bool Handles(string kind) => kind is Reset or SignIn or SignUp;

    public async Task<OutgoingMail?> ResolveAsync(string kind, string to, string? payload, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(to);
        if (user is null || string.IsNullOrEmpty(user.Email))
        {
            log.LogInformation("Queued {Kind} mail dropped: no account has the address", kind);
            return null;
        }
        if (kind == Reset)
        {
            var reset = await users.GeneratePasswordResetTokenAsync(user);
            log.LogInformation("Password reset link made for user {UserId}", user.Id);
            return mail.ResetPassword(user.Email, user.DisplayName, mail.Absolute(ResetPasswordModel.PathFor(user.Id, reset)));
        }
        if (kind == SignUp)
        {
            // Sign-up for an unconfirmed account (new, or signed up before and never confirmed)
            // sends the link again; for a confirmed one, a note to sign in. The return path was
            // checked as local by the form that queued it.
            if (!user.EmailConfirmed)
            {
                var confirm = await users.GenerateEmailConfirmationTokenAsync(user);
                log.LogInformation("Confirmation link made for user {UserId}", user.Id);
                return mail.ConfirmEmail(user.Email, user.DisplayName, mail.Absolute(ConfirmEmailModel.PathFor(user.Id, confirm, payload ?? "/")));
            }
            log.LogInformation("Sign-up for the existing account {UserId}: mailing a note to sign in", user.Id);
            return mail.AlreadyRegistered(user.Email, user.DisplayName, mail.Absolute("/account/sign-in"), mail.Absolute("/account/forgot-password"));
        }
        var token = await tokens.IssueAsync(OneTimeTokens.SignIn, user.Id, SignInLinkModel.Lifetime, ct);
        log.LogInformation("Sign-in link made for user {UserId}", user.Id);
        // The return path was checked as local by the form that queued it.
        return mail.SignInLink(user.Email, user.DisplayName, mail.Absolute(UseSignInLinkModel.PathFor(token, payload ?? "/")));
    }
}
