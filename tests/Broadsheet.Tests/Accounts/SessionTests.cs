using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

/// <summary>The app with the security stamp re-read on every request, so an ended session ends at once.</summary>
public sealed class FreshStampApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Accounts:StampCheckSeconds", "0")];
}

[Trait("Category", "Integration")]
public sealed class SessionTests(FreshStampApp app) : IClassFixture<FreshStampApp>
{
    private Task<string?> StampAsync(int id) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

    private static async Task<int> AccountStatusAsync(ReaderSession reader) =>
        (int)(await reader.GetPageAsync("/account")).Response.StatusCode;

    /// <summary>The same user signed in again from another browser.</summary>
    private async Task<ReaderSession> SecondSessionAsync(User user)
    {
        var other = app.Reader();
        var (response, _) = await other.SignInAsync(user.Email!);
        ((int)response.StatusCode).ShouldBe(302);
        return other;
    }

    [Fact]
    public async Task The_auth_cookie_is_a_host_only_secure_httponly_lax_cookie_named_host_broadsheet()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();

        var (response, _) = await reader.SignInAsync(user.Email!);

        ((int)response.StatusCode).ShouldBe(302);
        var header = response.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(AccountServices.AuthCookie + "=", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("Signing in set no __Host-broadsheet cookie.");
        AccountServices.AuthCookie.ShouldBe("__Host-broadsheet");
        var attributes = header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure");
        attributes.ShouldContain("httponly");
        attributes.ShouldContain("samesite=lax");
        attributes.ShouldContain("path=/");
        attributes.ShouldNotContain(a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_and_moves_the_security_stamp()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        using var other = await SecondSessionAsync(user);
        (await AccountStatusAsync(other)).ShouldBe(200);
        var stampBefore = await StampAsync(user.Id);

        var (response, _) = await reader.SubmitSettingsAsync("Everywhere", []);

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/");
        (await StampAsync(user.Id)).ShouldNotBe(stampBefore);
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        var (elsewhere, _) = await other.GetPageAsync("/account");
        ((int)elsewhere.StatusCode).ShouldBe(302);
        elsewhere.PathAndQuery().ShouldBe("/account/sign-in?returnUrl=%2Faccount");
    }

    [Fact]
    public async Task A_password_change_ends_other_sessions_but_keeps_the_one_that_made_it()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        using var other = await SecondSessionAsync(user);
        (await AccountStatusAsync(other)).ShouldBe(200);
        var stampBefore = await StampAsync(user.Id);

        var (changed, _) = await reader.SubmitSettingsAsync("Password",
            new() { ["currentPassword"] = TestReaders.Password, ["newPassword"] = "a brand new harbour phrase" });

        ((int)changed.StatusCode).ShouldBe(302);
        (await StampAsync(user.Id)).ShouldNotBe(stampBefore);
        var (mine, page) = await reader.GetPageAsync("/account?done=password");
        ((int)mine.StatusCode).ShouldBe(200);
        page.QuerySelector(".form-notice")!.TextContent.ShouldContain("Other sessions have been signed out");
        (await AccountStatusAsync(other)).ShouldBe(302);
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie_and_ends_the_session()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, _) = await reader.SubmitAsync("/account", "/account/sign-out", new Dictionary<string, string>());

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(AccountServices.AuthCookie + "=;", StringComparison.Ordinal));
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        (await AccountStatusAsync(reader)).ShouldBe(302);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_with_400_and_stays_signed_in()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;
        await reader.GetPageAsync("/account"); // has the antiforgery cookie, but the form field is missing

        var (response, _) = await reader.PostAsync("/account/sign-out", new Dictionary<string, string>());

        ((int)response.StatusCode).ShouldBe(400);
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        (await AccountStatusAsync(reader)).ShouldBe(200);
    }

    [Fact]
    public async Task A_restart_keeps_readers_signed_in()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        (await AccountStatusAsync(reader)).ShouldBe(200);

        if (TestDatabase.IsPostgres)
            (await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
        else
        {
            Directory.GetFiles(Path.Combine(app.Folder, "keys"), "*.xml").ShouldNotBeEmpty();
            // The key XML is not encrypted at rest, so only the app's own user may read the folder.
            if (!OperatingSystem.IsWindows())
                (File.GetUnixFileMode(Path.Combine(app.Folder, "keys")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
        }

        await using var restarted = await BroadsheetApp.SiblingOfAsync(app);
        using var again = reader.SameBrowserOn(restarted.Address);

        var (response, page) = await again.GetPageAsync("/account");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".account-settings .meta")!.TextContent.ShouldContain(user.Email!);
        page.QuerySelector("header.site-header .account-name")!.TextContent.ShouldBe(user.DisplayName);
    }
}
