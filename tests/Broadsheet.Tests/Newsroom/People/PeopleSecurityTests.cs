using Broadsheet.Accounts;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.People;

[Trait("Category", "Integration")]
public sealed class PeopleSecurityTests(PeopleApp app) : IClassFixture<PeopleApp>
{
    private static readonly string[] AdminHandlers = ["Role", "Lock", "Unlock", "Reset"];

    /// <summary>A valid token of the session's own (from an article thread), so only the role decides.</summary>
    private async Task<Dictionary<string, string>> OwnTokenAsync(ReaderSession session) =>
        await session.ThreadTokenAsync((await app.ArticleAsync()).Slug);

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Editor)]
    public async Task Only_admins_open_users_and_the_audit_log_or_use_their_actions(string role)
    {
        var target = await app.UserAsync();
        var (session, _) = await app.SignedInReaderAsync(role);
        using var _s = session;

        foreach (var path in new[] { "/newsroom/users", $"/newsroom/users/{target.Id}", "/newsroom/audit" })
        {
            var (response, page) = await session.GetPageAsync(path);
            ((int)response.StatusCode).ShouldBe(403, path);
            page.QuerySelector(".people-list, .person-facts, .audit-list").ShouldBeNull();
        }
        var token = await OwnTokenAsync(session);
        foreach (var handler in AdminHandlers)
        {
            var (posted, _) = await session.PostAsync($"/newsroom/users/{target.Id}?handler={handler}", new Dictionary<string, string>(token) { ["role"] = Roles.Admin });
            ((int)posted.StatusCode).ShouldBe(403, handler);
        }
        (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader]);
        (await app.FreshUserAsync(target.Id)).LockoutEnd.ShouldBeNull();
        (await app.AuditForAsync("user", $"{target.Id}")).ShouldBeEmpty();
        app.Mailbox.To(target.Email!).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Author)]
    public async Task Readers_and_authors_cannot_open_the_ban_form_or_ban(string role)
    {
        var target = await app.UserAsync();
        var (session, _) = await app.SignedInReaderAsync(role);
        using var _s = session;

        ((int)(await session.GetPageAsync(PeopleForms.BanPage(target.Id))).Response.StatusCode).ShouldBe(403);
        var fields = new Dictionary<string, string>(await OwnTokenAsync(session)) { ["length"] = "forever", ["reason"] = "no" };
        ((int)(await session.PostAsync(PeopleForms.BanPage(target.Id), fields)).Response.StatusCode).ShouldBe(403);

        (await app.FreshUserAsync(target.Id)).BannedUntil.ShouldBeNull();
    }

    [Theory]
    [InlineData("/newsroom/users")]
    [InlineData("/newsroom/audit")]
    [InlineData("/newsroom/users/1/ban")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        using var anonymous = app.Reader();
        var (response, _) = await anonymous.GetPageAsync(path);
        ((int)response.StatusCode).ShouldBe(302);
        response.Location().ShouldBe($"/account/sign-in?returnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task An_action_without_its_antiforgery_token_is_a_400_and_changes_nothing()
    {
        var target = await app.UserAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/newsroom/users/{target.Id}?handler=Role", new() { ["role"] = Roles.Admin }),
            ($"/newsroom/users/{target.Id}?handler=Lock", []),
            (PeopleForms.BanPage(target.Id), new() { ["length"] = "forever", ["reason"] = "no token" }),
        })
            ((int)(await admin.PostAsync(action, fields)).Response.StatusCode).ShouldBe(400, action);

        (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader]);
        var stored = await app.FreshUserAsync(target.Id);
        (stored.LockoutEnd, stored.BannedUntil).ShouldBe((null, null));
        (await app.AuditForAsync("user", $"{target.Id}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Extra_fields_posted_with_an_action_change_nothing_but_the_action()
    {
        var target = await app.UserAsync();
        var before = await app.FreshUserAsync(target.Id);
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var extra = new Dictionary<string, string>
        {
            ["Id"] = $"{adminUser.Id}", ["UserName"] = "taken-over", ["Email"] = "attacker@example.test", ["EmailConfirmed"] = "false",
            ["PasswordHash"] = "AQAAAAforged", ["Roles"] = Roles.Admin, ["DisplayName"] = "Forged", ["Person.Rank"] = Roles.Admin,
        };

        var (role, _) = await admin.UserActionAsync(target.Id, "Role", new(extra) { ["role"] = Roles.Author });
        ((int)role.StatusCode).ShouldBe(302);
        var (ban, _) = await admin.PressAsync(PeopleForms.BanPage(target.Id), PeopleForms.BanPage(target.Id), new(extra) { ["length"] = "forever", ["reason"] = "Spam" });
        ((int)ban.StatusCode).ShouldBe(302);

        var after = await app.FreshUserAsync(target.Id);
        (after.UserName, after.Email, after.EmailConfirmed, after.PasswordHash, after.DisplayName)
            .ShouldBe((before.UserName, before.Email, before.EmailConfirmed, before.PasswordHash, before.DisplayName));
        (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader, Roles.Author]);
        var admin2 = await app.FreshUserAsync(adminUser.Id);
        (admin2.UserName, admin2.Email).ShouldBe((adminUser.UserName, adminUser.Email));
        (await app.RolesOfAsync(adminUser.Id)).ShouldBe([Roles.Reader, Roles.Admin]);
        (await app.AuditForAsync("user", $"{target.Id}")).Select(e => e.Action).ShouldBe(["user.role", "user.ban"]);
    }

    [Fact]
    public async Task Bad_ids_and_returns_are_404s_or_ignored_never_errors()
    {
        var target = await app.UserAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;

        ((int)(await editor.GetPageAsync("/newsroom/users/abc/ban")).Response.StatusCode).ShouldBe(404);
        // An off-site returnUrl is dropped: the ban goes back to its own page.
        var (banned, _) = await editor.BanAsync(target.Id, "forever", "Spam", from: $"{PeopleForms.BanPage(target.Id)}?returnUrl=https%3A%2F%2Fevil.example%2F");
        ((int)banned.StatusCode).ShouldBe(302);
        banned.Location().ShouldBe($"/newsroom/users/{target.Id}/ban?done=ban");
    }
}
