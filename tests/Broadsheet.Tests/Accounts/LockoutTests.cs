using System.Text.RegularExpressions;
using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.People;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// Wrong passwords from anyone pause password sign-in, but never shut the owner out: a mailed
/// link proves the mailbox. An admin's lock shuts every way in. Refusals all look alike.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class LockoutTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private const string NewPassword = "a brand new harbour passphrase";

    private static Dictionary<string, string> Email(string email) => new() { ["Input.Email"] = email };

    private async Task<User> PausedUserAsync()
    {
        var user = await app.UserAsync();
        using var stranger = app.Reader();
        for (var i = 0; i < 5; i++) await stranger.SignInAsync(user.Email!, $"a stranger's guess {i}");
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        AccountLock.Of(stored, DateTimeOffset.UtcNow).ShouldBe(LockState.Paused);
        return user;
    }

    private async Task LockAsync(User user)
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        ((int)(await admin.UserActionAsync(user.Id, "Lock")).Response.StatusCode).ShouldBe(302);
    }

    private string LatestLink(string email, string subjectStart) =>
        Mailbox.LinkIn(app.Mailbox.To(email).Last(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)).PathAndQuery;

    [Fact]
    public async Task Five_wrong_passwords_from_a_stranger_do_not_stop_the_owner_signing_in_with_a_mailed_link()
    {
        var user = await PausedUserAsync();
        using var owner = app.Reader();
        ((int)(await owner.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(422, "password sign-in is paused");

        await owner.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", Email(user.Email!));
        var (used, _) = await owner.SubmitAsync(LatestLink(user.Email!, "Your sign-in link"), "/account/link", new Dictionary<string, string>());

        ((int)used.StatusCode).ShouldBe(302);
        owner.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        // The link proved the mailbox, so the pause is lifted and the tries forgotten.
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        (stored.LockoutEnd, stored.AccessFailedCount).ShouldBe((null, 0));
        using var again = app.Reader();
        ((int)(await again.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_a_stranger_do_not_stop_a_password_reset_and_the_new_password_signs_in()
    {
        var user = await PausedUserAsync();
        using var owner = app.Reader();

        await owner.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(user.Email!));
        var (reset, page) = await owner.SubmitAsync(LatestLink(user.Email!, "Reset your"), "/account/reset-password",
            new Dictionary<string, string> { ["Password"] = NewPassword });

        ((int)reset.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldContain("changed");
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).LockoutEnd.ShouldBeNull();
        ((int)(await owner.SignInAsync(user.Email!, NewPassword)).Response.StatusCode).ShouldBe(302);
    }

    [Fact]
    public async Task An_account_locked_by_an_admin_is_refused_by_a_sign_in_link_and_by_a_reset_link()
    {
        var user = await app.UserAsync();
        await LockAsync(user);
        // Links asked for after the lock (the lock's new security stamp spends reset links made before it).
        using var owner = app.Reader();
        await owner.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", Email(user.Email!));
        await owner.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(user.Email!));
        var signInLink = LatestLink(user.Email!, "Your sign-in link");
        var resetLink = LatestLink(user.Email!, "Reset your");

        var (linked, linkPage) = await owner.SubmitAsync(signInLink, "/account/link", new Dictionary<string, string>());
        ((int)linked.StatusCode).ShouldBe(422);
        linkPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(UseSignInLinkModel.Locked);
        owner.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);

        var (reset, resetPage) = await owner.SubmitAsync(resetLink, "/account/reset-password", new Dictionary<string, string> { ["Password"] = NewPassword });
        ((int)reset.StatusCode).ShouldBe(422);
        resetPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(UseSignInLinkModel.Locked);
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        stored.PasswordHash.ShouldBe(user.PasswordHash);
        AccountLock.Of(stored, DateTimeOffset.UtcNow).ShouldBe(LockState.Locked);
    }

    [Fact]
    public async Task A_forged_reset_token_for_a_locked_account_hears_bad_link_not_locked()
    {
        var user = await app.UserAsync();
        await LockAsync(user);
        using var stranger = app.Reader();

        var (reset, page) = await stranger.SubmitAsync($"/account/reset-password?user={user.Id}&token=forged", "/account/reset-password",
            new Dictionary<string, string> { ["Password"] = NewPassword });

        ((int)reset.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain(ResetPasswordModel.BadLink);
        page.QuerySelector(".form-errors")!.TextContent.ShouldNotContain(UseSignInLinkModel.Locked);
    }

    [Fact]
    public async Task An_unknown_address_a_locked_a_paused_account_and_a_wrong_password_get_the_same_page()
    {
        var wrong = await app.UserAsync();
        var paused = await PausedUserAsync();
        var locked = await app.UserAsync();
        await LockAsync(locked);
        const string guess = "not the password at all";

        var pages = new List<(int Status, string Html)>();
        foreach (var email in new[] { TestReaders.Email(), wrong.Email!, paused.Email!, locked.Email! })
        {
            using var stranger = app.Reader();
            var (response, page) = await stranger.SignInAsync(email, guess);
            stranger.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
            pages.Add(((int)response.StatusCode, Normalised(page.DocumentElement.OuterHtml, email)));
        }

        pages[0].Status.ShouldBe(422);
        pages[0].Html.ShouldContain(SignInModel.Failed);
        foreach (var other in pages.Skip(1)) other.ShouldBe(pages[0]);
    }

    /// <summary>The page without what differs by design: the address typed in, and per-request tokens and nonces.</summary>
    private static string Normalised(string html, string email) =>
        PerRequest().Replace(html.Replace(email, "EMAIL", StringComparison.OrdinalIgnoreCase), "$1=\"…\"");

    [GeneratedRegex("\\b(nonce|value)=\"(?:CfDJ8[^\"]*|[A-Za-z0-9+/=_-]{16,})\"")]
    private static partial Regex PerRequest();
}
