using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Accounts;

/// <summary>Forgotten passwords and one-time sign-in links.</summary>
[Trait("Category", "Integration")]
public sealed class RecoveryTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static Dictionary<string, string> Email(string email) => new() { ["Input.Email"] = email };

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_mails_only_the_known()
    {
        var user = await app.UserAsync();
        var stranger = TestReaders.Email();
        using var reader = app.Reader();
        var (known, knownPage) = await reader.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(user.Email!));
        var (unknown, unknownPage) = await reader.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(stranger));

        ((int)known.StatusCode).ShouldBe(200);
        unknown.StatusCode.ShouldBe(known.StatusCode);
        knownPage.QuerySelector(".form-notice")!.TextContent.ShouldBe(ForgotPasswordModel.Sent(user.Email!));
        unknownPage.QuerySelector(".form-notice")!.TextContent.ShouldBe(ForgotPasswordModel.Sent(stranger));
        app.Mailbox.Latest(user.Email!).Subject.ShouldStartWith("Reset your");
        app.Mailbox.To(stranger).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_cannot_be_reused()
    {
        var user = await app.UserAsync();
        var hashBefore = user.PasswordHash;
        using var reader = app.Reader();
        await reader.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(user.Email!));
        var link = app.Mailbox.LatestLink(user.Email!);

        var (done, page) = await reader.SubmitAsync(link, "/account/reset-password", new Dictionary<string, string> { ["Password"] = "a brand new harbour passphrase" });
        ((int)done.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldContain("changed");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).PasswordHash.ShouldNotBe(hashBefore);
        var (signedIn, _) = await app.Reader().SignInAsync(user.Email!, "a brand new harbour passphrase");
        ((int)signedIn.StatusCode).ShouldBe(302);

        var (again, againPage) = await reader.SubmitAsync(link, "/account/reset-password", new Dictionary<string, string> { ["Password"] = "yet another harbour passphrase" });
        ((int)again.StatusCode).ShouldBe(422);
        againPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(ResetPasswordModel.BadLink);
        var (old, _) = await app.Reader().SignInAsync(user.Email!, "yet another harbour passphrase");
        ((int)old.StatusCode).ShouldBe(422);
    }

    [Fact]
    public async Task A_tampered_reset_token_is_refused_and_the_password_stays()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (response, _) = await reader.SubmitAsync($"/account/reset-password?user={user.Id}&token=forged", "/account/reset-password",
            new Dictionary<string, string> { ["Password"] = "a brand new harbour passphrase" });
        ((int)response.StatusCode).ShouldBe(422);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).PasswordHash.ShouldBe(user.PasswordHash);
    }

    [Fact]
    public async Task A_sign_in_link_signs_in_once_returns_to_the_page_and_confirms_the_email()
    {
        var user = await app.UserAsync(confirmed: false, password: null);
        using var reader = app.Reader();
        var (sent, sentPage) = await reader.SubmitAsync("/account/sign-in-link?returnUrl=%2Flatest", "/account/sign-in-link", Email(user.Email!));
        ((int)sent.StatusCode).ShouldBe(200);
        sentPage.QuerySelector(".form-notice")!.TextContent.ShouldBe(SignInLinkModel.Sent(user.Email!));
        var link = app.Mailbox.LatestLink(user.Email!);

        // Opening the link (as a mail scanner would) spends nothing.
        await reader.GetPageAsync(link);
        (await app.WithDbAsync(db => db.OneTimeTokens.CountAsync(t => t.UserId == user.Id && t.UsedAt == null))).ShouldBe(1);

        var (used, _) = await reader.SubmitAsync(link, "/account/link", new Dictionary<string, string>());
        ((int)used.StatusCode).ShouldBe(302);
        used.Headers.Location!.OriginalString.ShouldBe("/latest");
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).EmailConfirmed.ShouldBeTrue();
        (await app.WithDbAsync(db => db.OneTimeTokens.SingleAsync(t => t.UserId == user.Id))).UsedAt.ShouldNotBeNull();

        using var second = app.Reader();
        var (reused, page) = await second.PostAsync("/account/link", await TokenFormAsync(second, link));
        ((int)reused.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain(UseSignInLinkModel.BadLink);
        second.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task An_expired_sign_in_link_is_refused()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        await reader.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", Email(user.Email!));
        var link = app.Mailbox.LatestLink(user.Email!);
        await app.WithDbAsync(db => db.OneTimeTokens.Where(t => t.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var (opened, openedPage) = await reader.GetPageAsync(link);
        openedPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(UseSignInLinkModel.BadLink);
        var (used, _) = await reader.PostAsync("/account/link", await TokenFormAsync(reader, link));
        ((int)used.StatusCode).ShouldBe(422);
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task Two_racing_uses_of_one_link_sign_in_only_once()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        await reader.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", Email(user.Email!));
        var link = app.Mailbox.LatestLink(user.Email!);
        using var a = app.Reader();
        using var b = app.Reader();
        var forms = await Task.WhenAll(TokenFormAsync(a, link), TokenFormAsync(b, link));

        var results = await Task.WhenAll(a.PostAsync("/account/link", forms[0]), b.PostAsync("/account/link", forms[1]));
        results.Count(r => (int)r.Response.StatusCode == 302).ShouldBe(1);
        results.Count(r => (int)r.Response.StatusCode == 422).ShouldBe(1);
    }

    [Fact]
    public async Task Sign_in_links_are_not_sent_to_unknown_addresses_but_the_answer_is_the_same()
    {
        var stranger = TestReaders.Email();
        using var reader = app.Reader();
        var (response, page) = await reader.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", Email(stranger));
        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldBe(SignInLinkModel.Sent(stranger));
        app.Mailbox.To(stranger).ShouldBeEmpty();
    }

    /// <summary>The link page's form, with a fresh antiforgery token for this session.</summary>
    private static async Task<Dictionary<string, string>> TokenFormAsync(ReaderSession reader, string link)
    {
        var (_, page) = await reader.GetPageAsync("/account/sign-in-link");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return new() { ["__RequestVerificationToken"] = token, ["token"] = query["token"]!, ["returnUrl"] = query["returnUrl"] ?? "/" };
    }
}
