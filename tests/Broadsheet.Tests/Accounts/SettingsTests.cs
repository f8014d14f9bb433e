using Broadsheet.Articles;
using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Follows;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class SettingsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private Task<User> StoredAsync(int id) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    [Fact]
    public async Task Changing_the_display_name_saves_it_and_the_header_shows_it()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;

        var (saved, _) = await reader.SubmitSettingsAsync("Name", new() { ["displayName"] = "  Ada   Harbourmaster " });
        ((int)saved.StatusCode).ShouldBe(302);
        saved.PathAndQuery().ShouldBe("/account?done=name");

        (await StoredAsync(user.Id)).DisplayName.ShouldBe("Ada Harbourmaster");
        var (response, page) = await reader.GetPageAsync("/account?done=name");
        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector("header.site-header .account-name")!.TextContent.ShouldBe("Ada Harbourmaster");
        page.QuerySelector(".form-notice")!.TextContent.ShouldBe("Your display name has been saved.");
    }

    [Fact]
    public async Task Changing_the_email_with_a_wrong_password_is_refused_with_422_and_sends_no_mail()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var newEmail = TestReaders.Email();

        var (response, page) = await reader.SubmitSettingsAsync("Email",
            new() { ["newEmail"] = newEmail, ["currentPassword"] = "not my password at all" });

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("current password is not right");
        app.Mailbox.To(newEmail).ShouldBeEmpty();
        var stored = await StoredAsync(user.Id);
        stored.Email.ShouldBe(user.Email);
        stored.NormalizedEmail.ShouldBe(user.Email!.ToUpperInvariant());
    }

    [Fact]
    public async Task A_new_email_takes_effect_only_when_the_link_sent_to_it_is_posted_and_the_link_then_is_spent()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var newEmail = TestReaders.Email();

        var (asked, askedPage) = await reader.SubmitSettingsAsync("Email",
            new() { ["newEmail"] = newEmail, ["currentPassword"] = TestReaders.Password });
        ((int)asked.StatusCode).ShouldBe(200);
        askedPage.QuerySelector(".form-notice")!.TextContent.ShouldContain(newEmail);
        app.Mailbox.Latest(newEmail).Subject.ShouldStartWith("Confirm your new email");
        app.Mailbox.To(user.Email!).ShouldBeEmpty();
        (await StoredAsync(user.Id)).Email.ShouldBe(user.Email);

        var link = app.Mailbox.LatestLink(newEmail);
        var (opened, _) = await reader.GetPageAsync(link);
        ((int)opened.StatusCode).ShouldBe(200);
        (await StoredAsync(user.Id)).Email.ShouldBe(user.Email);

        var (confirmed, confirmedPage) = await reader.SubmitAsync(link, "/account/confirm-email", new Dictionary<string, string>());
        ((int)confirmed.StatusCode).ShouldBe(200);
        confirmedPage.QuerySelector(".form-notice")!.TextContent.ShouldBe($"Your email address is now {newEmail}.");
        var stored = await StoredAsync(user.Id);
        stored.Email.ShouldBe(newEmail);
        stored.NormalizedEmail.ShouldBe(newEmail.ToUpperInvariant());
        stored.UserName.ShouldBe(user.UserName); // the public handle stays put
        stored.SecurityStamp.ShouldNotBe(user.SecurityStamp);

        var (again, againPage) = await reader.SubmitAsync(link, "/account/confirm-email", new Dictionary<string, string>());
        ((int)again.StatusCode).ShouldBe(422);
        againPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(ConfirmEmailChangeModel.BadLink);
        (await StoredAsync(user.Id)).SecurityStamp.ShouldBe(stored.SecurityStamp);
    }

    [Fact]
    public async Task Changing_the_password_with_a_wrong_current_one_is_refused_with_422_and_keeps_the_hash()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var before = (await StoredAsync(user.Id)).PasswordHash;

        var (response, page) = await reader.SubmitSettingsAsync("Password",
            new() { ["currentPassword"] = "not my password at all", ["newPassword"] = "a brand new harbour phrase" });

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("current password is not right");
        (await StoredAsync(user.Id)).PasswordHash.ShouldBe(before);
    }

    [Fact]
    public async Task After_a_password_change_the_old_password_no_longer_signs_in_and_the_new_one_does()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        const string newPassword = "a brand new harbour phrase";
        var before = (await StoredAsync(user.Id)).PasswordHash;

        var (changed, _) = await reader.SubmitSettingsAsync("Password",
            new() { ["currentPassword"] = TestReaders.Password, ["newPassword"] = newPassword });
        ((int)changed.StatusCode).ShouldBe(302);
        changed.PathAndQuery().ShouldBe("/account?done=password");
        (await StoredAsync(user.Id)).PasswordHash.ShouldNotBe(before);

        using var withOld = app.Reader();
        var (old, _) = await withOld.SignInAsync(user.Email!);
        ((int)old.StatusCode).ShouldBe(422);
        withOld.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);

        using var withNew = app.Reader();
        var (fresh, _) = await withNew.SignInAsync(user.Email!, newPassword);
        ((int)fresh.StatusCode).ShouldBe(302);
        withNew.Cookies.ShouldContainKey(AccountServices.AuthCookie);
    }

    [Fact]
    public async Task Download_my_data_gives_a_json_attachment_with_the_account_and_its_follows()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var author = await app.AuthorAsync();
        await app.WithDbAsync(async db =>
        {
            db.Follows.Add(new Follow { UserId = user.Id, Kind = FollowKind.Author, TargetId = author.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var response = await reader.Http.GetAsync("/account/export");

        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var disposition = response.Content.Headers.ContentDisposition ?? throw new Xunit.Sdk.XunitException("No Content-Disposition header.");
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName!.Trim('"').ShouldStartWith($"broadsheet-{user.Handle}-");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        account.GetProperty("email").GetString().ShouldBe(user.Email);
        account.GetProperty("displayName").GetString().ShouldBe(user.DisplayName);
        account.GetProperty("handle").GetString().ShouldBe(user.Handle);
        var following = json.RootElement.GetProperty("following").EnumerateArray().ToList();
        following.Count.ShouldBe(1);
        following[0].GetProperty("kind").GetString().ShouldBe("author");
        following[0].GetProperty("slug").GetString().ShouldBe(author.Slug);
    }

    [Fact]
    public async Task Download_my_data_signed_out_redirects_to_sign_in()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/account/export");

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/account/sign-in?returnUrl=%2Faccount%2Fexport");
        (response.Content.Headers.ContentType?.MediaType).ShouldNotBe("application/json");
    }

    [Fact]
    public async Task Deleting_the_account_with_a_wrong_password_is_refused_with_422_and_keeps_the_user()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;

        var (response, page) = await reader.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = "not my password at all" });

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-errors")!.TextContent.ShouldContain("current password is not right");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id))).ShouldBeTrue();
        reader.Cookies.ShouldContainKey(AccountServices.AuthCookie);
        ((int)(await reader.GetPageAsync("/account")).Response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Deleting_the_account_removes_the_user_their_roles_and_follows_and_signs_them_out()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var author = await app.AuthorAsync();
        await app.WithDbAsync(async db =>
        {
            db.Follows.Add(new Follow { UserId = user.Id, Kind = FollowKind.Author, TargetId = author.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        (await app.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == user.Id))).ShouldBe(1);
        (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == user.Id))).ShouldBe(1);

        var (response, _) = await reader.SubmitSettingsAsync("Delete", new() { ["currentPassword"] = TestReaders.Password });

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/account/deleted");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == author.Id))).ShouldBeTrue(); // only the person goes

        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(AccountServices.AuthCookie + "=;", StringComparison.Ordinal));
        reader.Cookies.ShouldNotContainKey(AccountServices.AuthCookie);
        var (account, _) = await reader.GetPageAsync("/account");
        ((int)account.StatusCode).ShouldBe(302);
        account.PathAndQuery().ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task The_account_page_signed_out_redirects_to_sign_in_and_back()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/account");

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/account/sign-in?returnUrl=%2Faccount");
    }
}

/// <summary>
/// The forms on /account all post to /account?handler=X, which ReaderSession.SubmitAsync
/// (matching on the path alone) cannot tell apart; this picks the form by its handler.
/// </summary>
internal static class SettingsForms
{
    public static async Task<(HttpResponseMessage Response, IDocument Page)> SubmitSettingsAsync(this ReaderSession reader,
        string handler, Dictionary<string, string> fields)
    {
        var (opened, page) = await reader.GetPageAsync("/account");
        ((int)opened.StatusCode).ShouldBe(200, "the account page should open for a signed-in reader");
        var action = $"/account?handler={handler}";
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on /account.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await reader.PostAsync(action, values);
    }

    /// <summary>Where a redirect points, as path and query, whether the server wrote it absolute or not.</summary>
    public static string PathAndQuery(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"No Location header on a {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
