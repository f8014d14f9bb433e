using Broadsheet.Data.Identity;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.Extensions.Options;
using System.Net;

namespace Broadsheet.Accounts;

/// <summary>
/// The words of every account mail, and the absolute links in them. Links are on the configured
/// origin (<see cref="SiteOrigin"/>), never the request's Host, so a forged Host cannot write them.
/// Every mail is queued in the outbox (<see cref="MailOutbox"/>), never sent inside the request.
/// Sign-up mails, password resets and sign-in links are queued as the address alone: see <see cref="AccountMailRequests"/>.
/// </summary>
public sealed class AccountMail(MailOutbox outbox, IOptionsMonitor<SiteOptions> site, SiteOrigin origin)
{
    private string SiteName => site.CurrentValue.Name;

    public string Absolute(string pathAndQuery) => origin.Absolute(pathAndQuery);

    public Task ConfirmEmailAsync(string to, string name, string link, CancellationToken ct) => outbox.QueueAsync(ConfirmEmail(to, name, link), ct);

    public OutgoingMail ConfirmEmail(string to, string name, string link) => Compose(to,
        $"Confirm your email for {SiteName}",
        $"Hello {name},\n\nConfirm your email address to finish signing up to {SiteName}:",
        "Confirm my email", link,
        "If you did not sign up, ignore this mail and nothing will happen.");

    public Task InviteAsync(string to, string name, string role, string link, CancellationToken ct) => outbox.QueueAsync(Compose(to,
        $"You are invited to {SiteName}'s newsroom",
        $"Hello {name},\n\nYou have been invited to write for {SiteName} as {(role == Roles.Editor ? "an editor" : "an author")}. Choose a password to start:",
        "Choose my password", link,
        "The link works once. If you did not expect this, ignore this mail: the account stays unused."), ct);

    public OutgoingMail AlreadyRegistered(string to, string name, string signIn, string reset) => Compose(to,
        $"You already have a {SiteName} account",
        $"Hello {name},\n\nSomeone, probably you, tried to sign up to {SiteName} with this address, which already has an account. Sign in here:",
        "Sign in", signIn,
        $"Forgotten your password? Reset it: {reset}\nIf this was not you, ignore this mail: nothing has changed.");

    /// <summary>Queues "reset the password of the account at this address", whether or not there is one.</summary>
    public Task RequestResetAsync(string to, CancellationToken ct) =>
        outbox.QueueRequestAsync(AccountMailRequests.Reset, to, null, ct);

    /// <summary>Queues "a sign-in link for the account at this address", whether or not there is one.</summary>
    public Task RequestSignInLinkAsync(string to, string returnPath, CancellationToken ct) =>
        outbox.QueueRequestAsync(AccountMailRequests.SignIn, to, returnPath, ct);

    /// <summary>
    /// Queues "the sign-up mail for this address": a confirmation link if its account is not yet
    /// confirmed, else a note that it is already registered. The return path must be local.
    /// </summary>
    public Task RequestSignUpAsync(string to, string returnPath, CancellationToken ct) =>
        outbox.QueueRequestAsync(AccountMailRequests.SignUp, to, returnPath, ct);

    public Task ResetPasswordAsync(string to, string name, string link, CancellationToken ct) => outbox.QueueAsync(ResetPassword(to, name, link), ct);

    public OutgoingMail ResetPassword(string to, string name, string link) => Compose(to,
        $"Reset your {SiteName} password",
        $"Hello {name},\n\nChoose a new password for {SiteName} here. The link works once, for one day:",
        "Choose a new password", link,
        "If you did not ask for this, ignore this mail: your password has not changed.");

    public OutgoingMail SignInLink(string to, string name, string link) => Compose(to,
        $"Your sign-in link for {SiteName}",
        $"Hello {name},\n\nSign in to {SiteName} with this link. It works once, within 15 minutes:",
        "Sign me in", link,
        "If you did not ask for this, ignore this mail: nobody can use it without access to your inbox.");

    public Task ConfirmEmailChangeAsync(string to, string name, string link, CancellationToken ct) => SendAsync(to,
        $"Confirm your new email for {SiteName}",
        $"Hello {name},\n\nConfirm that {SiteName} should use this address from now on:",
        "Use this address", link,
        "If you did not ask for this, ignore this mail: your account keeps its current address.", ct);

    /// <summary>To a reader who opted in (Settings, "Email me when someone replies"): someone answered their comment.</summary>
    public Task ReplyAsync(string to, string name, string replier, string articleTitle, string link, string settings, CancellationToken ct) => SendAsync(to,
        $"{replier} replied to your comment on {SiteName}",
        $"Hello {name},\n\n{replier} replied to your comment on \u201c{articleTitle}\u201d:",
        "Read the reply", link,
        $"You get this mail because you asked for one when someone replies. Turn it off in your account settings: {settings}", ct);

    private Task SendAsync(string to, string subject, string intro, string action, string link, string outro, CancellationToken ct) =>
        outbox.QueueAsync(Compose(to, subject, intro, action, link, outro), ct);

    private OutgoingMail Compose(string to, string subject, string intro, string action, string link, string outro)
    {
        var text = $"{intro}\n\n{link}\n\n{outro}\n\n{SiteName}\n";
        static string e(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html><html><body style="font-family:Georgia,serif;max-width:34rem">
            <p>{e(intro).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
            <p><a href="{e(link)}" style="display:inline-block;padding:.6em 1.2em;background:#111;color:#fff;text-decoration:none">{e(action)}</a></p>
            <p style="font-size:.9em;color:#555">Or paste this into your browser: {e(link)}</p>
            <p style="font-size:.9em;color:#555">{e(outro).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
            <p>{e(SiteName)}</p>
            </body></html>
            """;
        return new OutgoingMail(to, subject, text, html, link);
    }
}
