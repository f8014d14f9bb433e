using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class SignUpTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static Dictionary<string, string> Form(string email, string name = "Ada Quill", string password = TestReaders.Password) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = name,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Sign_up_creates_an_unconfirmed_reader_and_mails_a_confirmation_link()
    {
        var email = TestReaders.Email();
        using var reader = app.Reader();
        var (response, page) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(email, "Ada Quill"));

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldBe(SignUpModel.CheckInbox(email));
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.EmailConfirmed.ShouldBeFalse();
        user.DisplayName.ShouldBe("Ada Quill");
        user.UserName!.ShouldStartWith("ada-quill");
        user.PasswordHash.ShouldNotBeNullOrEmpty();
        user.PasswordHash.ShouldNotContain(TestReaders.Password);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        roles.ShouldBe([Roles.Reader]);
        app.Mailbox.Latest(email).Subject.ShouldStartWith("Confirm your email");
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task Confirming_the_link_confirms_the_email_and_signs_in_and_a_get_alone_does_not()
    {
        var email = TestReaders.Email();
        using var reader = app.Reader();
        await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(email));
        var link = app.Mailbox.LatestLink(email);

        var (opened, _) = await reader.GetPageAsync(link);
        ((int)opened.StatusCode).ShouldBe(200);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed.ShouldBeFalse();

        var (confirmed, _) = await reader.SubmitAsync(link, "/account/confirm", new Dictionary<string, string>());
        ((int)confirmed.StatusCode).ShouldBe(302);
        confirmed.Headers.Location!.OriginalString.ShouldBe("/");
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed.ShouldBeTrue();

        // The same link again confirms nothing more and signs nobody in.
        using var stranger = app.Reader();
        var (again, page) = await stranger.SubmitAsync(link, "/account/confirm", new Dictionary<string, string>());
        ((int)again.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldContain("already confirmed");
        stranger.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task Signing_up_from_a_story_returns_there_signed_in_on_confirming_and_an_absolute_return_url_goes_home()
    {
        var story = await app.ArticleAsync();
        var from = $"/articles/{story.Slug}";
        var email = TestReaders.Email();
        using var reader = app.Reader();
        await reader.SubmitAsync($"/account/sign-up?returnUrl={Uri.EscapeDataString(from)}", "/account/sign-up", Form(email));
        var link = app.Mailbox.LatestLink(email);
        link.ShouldContain($"returnUrl={Uri.EscapeDataString(from)}");

        var (confirmed, _) = await reader.SubmitAsync(link, "/account/confirm", new Dictionary<string, string>());
        ((int)confirmed.StatusCode).ShouldBe(302);
        confirmed.Headers.Location!.OriginalString.ShouldBe(from);
        var (_, home) = await reader.GetPageAsync(from);
        home.QuerySelector("header a[href^='/account/sign-in']").ShouldBeNull();

        // Neither a sign-up nor a tampered mail link can send the reader to another site.
        var evil = TestReaders.Email();
        using var other = app.Reader();
        await other.SubmitAsync("/account/sign-up?returnUrl=https%3A%2F%2Fevil.example%2F", "/account/sign-up", Form(evil));
        var evilLink = app.Mailbox.LatestLink(evil);
        evilLink.ShouldNotContain("evil.example");
        var tampered = evilLink.Split("&returnUrl=")[0] + "&returnUrl=" + Uri.EscapeDataString("//evil.example/");
        var (sent, _) = await other.SubmitAsync(tampered, "/account/confirm", new Dictionary<string, string>());
        ((int)sent.StatusCode).ShouldBe(302);
        sent.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Signing_up_with_a_taken_email_answers_exactly_as_for_a_new_one_and_creates_nothing()
    {
        var existing = await app.UserAsync();
        var fresh = TestReaders.Email();
        using var reader = app.Reader();

        var (takenResponse, takenPage) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(existing.Email!));
        var (freshResponse, freshPage) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(fresh));

        takenResponse.StatusCode.ShouldBe(freshResponse.StatusCode);
        takenPage.QuerySelector(".account-panel")!.TextContent.Replace(existing.Email!, "E")
            .ShouldBe(freshPage.QuerySelector(".account-panel")!.TextContent.Replace(fresh, "E"));
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == existing.Email!.ToUpperInvariant()))).ShouldBe(1);
        app.Mailbox.Latest(existing.Email!).Subject.ShouldStartWith("You already have");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password123")]
    [InlineData("iloveyou1")]
    public async Task Short_and_common_passwords_are_refused_with_422_and_no_account(string password)
    {
        var email = TestReaders.Email();
        using var reader = app.Reader();
        var (response, page) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(email, password: password));

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_64_character_passphrase_is_accepted()
    {
        var email = TestReaders.Email();
        using var reader = app.Reader();
        var (response, _) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up",
            Form(email, password: "the quick brown harbour ferry leaves at seven every weekday morn"));
        ((int)response.StatusCode).ShouldBe(200);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Input.DisplayName", 61)]
    [InlineData("Input.Email", 300)]
    [InlineData("Input.Password", 129)]
    public async Task An_oversized_field_is_refused_with_422_and_no_account(string field, int length)
    {
        var email = TestReaders.Email();
        var form = Form(email);
        form[field] = field == "Input.Email" ? new string('a', length - 13) + "@example.test" : new string('x', length);
        using var reader = app.Reader();
        var (response, page) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", form);

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("at most");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_no_account()
    {
        var email = TestReaders.Email();
        using var reader = app.Reader();
        await reader.GetPageAsync("/account/sign-up"); // has the antiforgery cookie, but the form field is missing
        var (response, _) = await reader.PostAsync("/account/sign-up", Form(email));

        ((int)response.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_dialog_gets_the_bare_panel_and_inline_errors()
    {
        using var reader = app.Reader();
        var (get, panel) = await reader.GetPageAsync("/account/sign-up?returnUrl=/latest", htmx: true);
        ((int)get.StatusCode).ShouldBe(200);
        panel.QuerySelector("header.site-header").ShouldBeNull();
        panel.QuerySelector(".account-panel form[data-hx-post='/account/sign-up']").ShouldNotBeNull();

        var (post, errors) = await reader.SubmitAsync("/account/sign-up", "/account/sign-up", Form(TestReaders.Email(), password: "short"), htmx: true);
        ((int)post.StatusCode).ShouldBe(422);
        errors.QuerySelector("header.site-header").ShouldBeNull();
        errors.QuerySelector(".account-panel .form-errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }
}
