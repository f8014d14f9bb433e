using Broadsheet.Data.Identity;
using Broadsheet.Accounts;
using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.People;

[Trait("Category", "Integration")]
public sealed class InvitationTests(PeopleApp app) : IClassFixture<PeopleApp>
{
    private static Dictionary<string, string> Invite(string email, string role) => new()
    {
        ["Invite.Email"] = email, ["Invite.Name"] = "Noor Castell", ["Invite.Role"] = role,
    };

    [Fact]
    public async Task An_admin_invites_an_editor_by_email_and_the_one_time_link_sets_a_password_in_that_role()
    {
        var email = TestReaders.Email();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        var (sent, _) = await admin.SubmitAsync("/newsroom/users", "/newsroom/users", Invite(email, Roles.Editor));
        ((int)sent.StatusCode).ShouldBe(302);
        var (_, notice) = await admin.GetPageAsync(sent.Headers.Location!.OriginalString);
        notice.QuerySelector(".form-notice")!.TextContent.ShouldContain(email);

        var mail = app.Mailbox.Latest(email);
        mail.Subject!.ShouldContain("invited");
        var link = Mailbox.LinkIn(mail);
        // Links come from Site:BaseUrl (the fixture sets it to the app's loopback origin), never the request's Host.
        link.GetLeftPart(UriPartial.Authority).ShouldBe(app.Address.GetLeftPart(UriPartial.Authority));
        var invitee = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        (invitee.DisplayName, invitee.EmailConfirmed, invitee.PasswordHash).ShouldBe(("Noor Castell", false, (string?)null));

        using var newcomer = app.Reader();
        var (set, _) = await newcomer.SubmitAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string> { ["Password"] = TestReaders.Password });
        ((int)set.StatusCode).ShouldBeOneOf(200, 302);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == invitee.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
        roles.ShouldBe([Roles.Reader, Roles.Editor], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == invitee.Id))).EmailConfirmed.ShouldBeTrue();
        ((int)(await newcomer.SignInAsync(email)).Response.StatusCode).ShouldBe(302);
        ((int)(await newcomer.GetPageAsync("/newsroom")).Response.StatusCode).ShouldBe(200);

        // The link works once.
        using var again = app.Reader();
        var (reused, _) = await again.SubmitAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string> { ["Password"] = "another-" + TestReaders.Password });
        ((int)reused.StatusCode).ShouldBe(422);
        (await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "user.invite" && e.TargetId == invitee.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task An_existing_address_or_an_admin_role_is_refused_and_a_non_admin_gets_403()
    {
        var existing = await app.UserAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _a = admin; using var _e = editor;

        var (taken, page) = await admin.SubmitAsync("/newsroom/users", "/newsroom/users", Invite(existing.Email!, Roles.Author));
        ((int)taken.StatusCode).ShouldBe(422);
        page.QuerySelector(".people-invite .form-error")!.TextContent.ShouldContain("already has an account");
        var fresh = TestReaders.Email();
        ((int)(await admin.SubmitAsync("/newsroom/users", "/newsroom/users", Invite(fresh, Roles.Admin))).Response.StatusCode).ShouldBe(422);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == fresh))).ShouldBeFalse();

        var (refused, _) = await editor.PostAsync("/newsroom/users?handler=Invite", Invite(TestReaders.Email(), Roles.Editor));
        ((int)refused.StatusCode).ShouldBe(403);
    }
}
