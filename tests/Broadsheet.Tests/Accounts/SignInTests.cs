using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class SignInTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_page_the_reader_came_from()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (response, _) = await reader.SignInAsync(user.Email!, returnUrl: "/latest");

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/latest");
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        var (_, page) = await reader.GetPageAsync("/latest");
        page.QuerySelector("header .account-name")!.TextContent.ShouldBe(user.DisplayName);
        app.Logs.Lines.ShouldContain(l => l.Message.Contains($"Sign-in succeeded for user {user.Id}"));
    }

    [Fact]
    public async Task The_dialog_answers_signing_in_with_the_way_back()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (response, panel) = await reader.SignInAsync(user.Email!, returnUrl: "/latest", htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        panel.QuerySelector("[data-redirect]")!.GetAttribute("data-redirect").ShouldBe("/latest");
        panel.QuerySelector(".form-status")!.TextContent.ShouldBe("Signing in…");
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    [InlineData("http:/evil.example")]
    public async Task A_hostile_return_url_lands_on_the_front_page(string hostile)
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (response, _) = await reader.SignInAsync(user.Email!, returnUrl: hostile);

        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_answer()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (wrong, wrongPage) = await reader.SignInAsync(user.Email!, "not the password at all");
        var (unknown, unknownPage) = await reader.SignInAsync(TestReaders.Email(), "not the password at all");

        ((int)wrong.StatusCode).ShouldBe(422);
        unknown.StatusCode.ShouldBe(wrong.StatusCode);
        wrongPage.QuerySelector(".form-errors")!.TextContent.Trim().ShouldBe(SignInModel.Failed);
        unknownPage.QuerySelector(".form-errors")!.TextContent.Trim().ShouldBe(SignInModel.Failed);
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).AccessFailedCount.ShouldBe(1);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        for (var i = 0; i < 5; i++) await reader.SignInAsync(user.Email!, $"wrong password {i}");

        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        stored.LockoutEnd.ShouldNotBeNull();
        stored.LockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));

        var (right, page) = await reader.SignInAsync(user.Email!);
        ((int)right.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.Trim().ShouldBe(SignInModel.Failed);
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        app.Logs.Lines.ShouldContain(l => l.Level == LogLevel.Warning && l.Message.Contains($"user {user.Id}") && l.Message.Contains("locked out"));
    }

    [Fact]
    public async Task An_unconfirmed_account_with_the_right_password_is_asked_to_confirm_and_gets_a_new_link()
    {
        var user = await app.UserAsync(confirmed: false);
        using var reader = app.Reader();
        var (response, page) = await reader.SignInAsync(user.Email!);

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("Confirm your email");
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        app.Mailbox.Latest(user.Email!).Subject.ShouldStartWith("Confirm your email");
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_plain_failure()
    {
        var user = await app.UserAsync(confirmed: false);
        using var reader = app.Reader();
        var (_, page) = await reader.SignInAsync(user.Email!, "not the password at all");
        page.QuerySelector(".form-errors")!.TextContent.Trim().ShouldBe(SignInModel.Failed);
        app.Mailbox.To(user.Email!).ShouldBeEmpty();
    }

    [Fact]
    public async Task Logs_name_the_user_and_client_but_never_the_password_or_email()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        await reader.SignInAsync(user.Email!, "wrong-secret-xyzzy-123");
        await reader.SignInAsync(user.Email!);

        var lines = app.Logs.Lines.Where(l => l.Message.Contains($"user {user.Id}")).ToList();
        lines.ShouldContain(l => l.Message.Contains("wrong password"));
        lines.ShouldContain(l => l.Message.Contains("succeeded"));
        app.Logs.Lines.ShouldAllBe(l => !l.Message.Contains("wrong-secret-xyzzy-123") && !l.Message.Contains(TestReaders.Password));
        lines.ShouldAllBe(l => !l.Message.Contains(user.Email!));
    }

    [Fact]
    public async Task Signed_out_readers_see_sign_in_links_that_come_back_to_the_page()
    {
        var article = await app.ArticleAsync();
        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
        page.QuerySelector("header a[data-account-dialog]")!.GetAttribute("href")
            .ShouldBe($"/account/sign-in?returnUrl=%2Farticles%2F{article.Slug}");
    }
}
