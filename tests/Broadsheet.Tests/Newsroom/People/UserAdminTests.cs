using Broadsheet.Audit;
using Broadsheet.Accounts;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.People;

[Trait("Category", "Integration")]
public sealed class UserAdminTests(PeopleApp app) : IClassFixture<PeopleApp>
{
    private async Task<ReaderSession> SessionOfAsync(User user)
    {
        var session = app.Reader();
        ((int)(await session.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        return session;
    }

    [Fact]
    public async Task Search_finds_people_by_name_handle_or_email_and_shows_their_role_and_standing()
    {
        var word = TestNewsroom.Word();
        var byName = await app.UserAsync(name: $"Mira {word}", role: Roles.Author);
        var byEmail = await app.UserAsync(email: $"reader-{word}@example.test");
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        var (response, page) = await admin.GetPageAsync($"/newsroom/users?q={word.ToUpperInvariant()}");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelectorAll(".people-list tbody tr").Select(r => r.Id).ShouldBe([$"person-{byEmail.Id}", $"person-{byName.Id}"], ignoreOrder: true);
        page.QuerySelector($"#person-{byName.Id} .person-role")!.TextContent.ShouldBe(Roles.Author);
        page.QuerySelector($"#person-{byName.Id} .person-standing")!.TextContent.Trim().ShouldBe("in good standing");
        page.QuerySelector($"#person-{byName.Id} a")!.GetAttribute("href").ShouldBe($"/newsroom/users/{byName.Id}");
        var handle = (await admin.GetPageAsync($"/newsroom/users?q={byName.Handle}")).Page;
        handle.QuerySelectorAll(".people-list tbody tr").Select(r => r.Id).ShouldBe([$"person-{byName.Id}"]);
        (await admin.GetPageAsync($"/newsroom/users?q=nobody-{word}")).Page.QuerySelector(".empty")!.TextContent.ShouldContain("No account matches");
        ((int)(await admin.GetPageAsync("/newsroom/users?page=0")).Response.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task Search_pages_through_many_matches()
    {
        var word = TestNewsroom.Word();
        for (var i = 0; i < 26; i++) await app.UserAsync(name: $"Paged {word} {i}");
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        var (_, first) = await admin.GetPageAsync($"/newsroom/users?q={word}");
        first.QuerySelectorAll(".people-list tbody tr").Length.ShouldBe(25);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        next.ShouldBe($"/newsroom/users?q={word}&page=2");
        var (_, second) = await admin.GetPageAsync(next);
        second.QuerySelectorAll(".people-list tbody tr").Length.ShouldBe(1);
        second.QuerySelector("a[rel=next]").ShouldBeNull();
    }

    [Fact]
    public async Task Changing_a_role_sets_exactly_that_role_ends_the_users_sessions_and_is_audited()
    {
        var target = await app.UserAsync();
        using var theirs = await SessionOfAsync(target);
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        ((int)(await theirs.GetPageAsync("/account")).Response.StatusCode).ShouldBe(200);

        var (changed, _) = await admin.UserActionAsync(target.Id, "Role", new() { ["role"] = Roles.Editor });

        ((int)changed.StatusCode).ShouldBe(302);
        var (_, page) = await admin.GetPageAsync(changed.Location());
        page.QuerySelector(".form-notice")!.TextContent.ShouldStartWith("Role changed.");
        page.QuerySelector(".person-role")!.TextContent.ShouldBe(Roles.Editor);
        (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader, Roles.Editor]);
        var entry = (await app.AuditForAsync("user", $"{target.Id}")).ShouldHaveSingleItem();
        (entry.Action, entry.ActorUserId, entry.Detail).ShouldBe(("user.role", adminUser.Id, $"Changed {target.DisplayName} (@{target.Handle}) from reader to editor"));
        var (ended, _) = await theirs.GetPageAsync("/account");
        ((int)ended.StatusCode).ShouldBe(302);
        ended.Location().ShouldStartWith("/account/sign-in");

        // Signed in again, they have the new role: the moderation queue opens.
        using var again = await SessionOfAsync(target);
        ((int)(await again.GetPageAsync("/newsroom/comments")).Response.StatusCode).ShouldBe(200);

        ((int)(await admin.UserActionAsync(target.Id, "Role", new() { ["role"] = Roles.Reader })).Response.StatusCode).ShouldBe(302);
        (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader]);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_and_an_unknown_role_is_refused()
    {
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        var (own, page) = await admin.UserActionAsync(adminUser.Id, "Role", new() { ["role"] = Roles.Editor });
        ((int)own.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldBe("You cannot remove your own admin role. Ask another admin.");
        var (unknown, unknownPage) = await admin.UserActionAsync(adminUser.Id, "Role", new() { ["role"] = "owner" });
        ((int)unknown.StatusCode).ShouldBe(422);
        unknownPage.QuerySelector(".form-error")!.TextContent.ShouldBe("Choose one of: reader, author, editor, admin.");

        (await app.RolesOfAsync(adminUser.Id)).ShouldBe([Roles.Reader, Roles.Admin]);
        (await app.AuditForAsync("user", $"{adminUser.Id}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Locking_ends_the_users_sessions_and_refuses_their_password_until_unlocked()
    {
        var target = await app.UserAsync();
        using var theirs = await SessionOfAsync(target);
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        ((int)(await admin.UserActionAsync(target.Id, "Lock")).Response.StatusCode).ShouldBe(302);

        (await app.FreshUserAsync(target.Id)).LockoutEnd.ShouldBe(DateTimeOffset.MaxValue);
        ((int)(await theirs.GetPageAsync("/account")).Response.StatusCode).ShouldBe(302);
        using var retry = app.Reader();
        var (refused, _) = await retry.SignInAsync(target.Email!);
        ((int)refused.StatusCode).ShouldNotBe(302);
        // Nor does a mailed sign-in link let them back in.
        using var byLink = app.Reader();
        await byLink.SubmitAsync("/account/sign-in-link", "/account/sign-in-link", new Dictionary<string, string> { ["Input.Email"] = target.Email! });
        var (linkRefused, linkPage) = await byLink.SubmitAsync(app.Mailbox.LatestLink(target.Email!), "/account/link", new Dictionary<string, string>());
        ((int)linkRefused.StatusCode).ShouldBe(422);
        linkPage.QuerySelector(".form-errors")!.TextContent.ShouldContain(Broadsheet.Accounts.UseSignInLinkModel.Locked);
        byLink.Cookies.ShouldNotContainKey(Broadsheet.Accounts.AccountServices.AuthCookie);
        (await admin.GetPageAsync(PeopleForms.UserPage(target.Id))).Page.QuerySelector(".person-standing")!.TextContent.Trim().ShouldBe("locked");

        ((int)(await admin.UserActionAsync(target.Id, "Unlock")).Response.StatusCode).ShouldBe(302);
        (await app.FreshUserAsync(target.Id)).LockoutEnd.ShouldBeNull();
        using var back = await SessionOfAsync(target);
        (await app.AuditForAsync("user", $"{target.Id}")).Select(e => e.Action).ShouldBe(["user.lock", "user.unlock"]);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves()
    {
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var (response, page) = await admin.UserActionAsync(adminUser.Id, "Lock");
        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldBe("You cannot lock your own account.");
        (await app.FreshUserAsync(adminUser.Id)).LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public async Task A_password_reset_link_goes_to_the_users_address_and_works()
    {
        var target = await app.UserAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        ((int)(await admin.UserActionAsync(target.Id, "Reset")).Response.StatusCode).ShouldBe(302);

        var link = app.Mailbox.LatestLink(target.Email!);
        link.ShouldStartWith($"/account/reset-password?");
        using var theirs = app.Reader();
        ((int)(await theirs.GetPageAsync(link)).Response.StatusCode).ShouldBe(200);
        (await app.AuditForAsync("user", $"{target.Id}")).ShouldHaveSingleItem().Action.ShouldBe("user.reset");
    }

    [Fact]
    public async Task An_unknown_user_is_a_404_for_pages_and_actions()
    {
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        ((int)(await admin.GetPageAsync("/newsroom/users/999999")).Response.StatusCode).ShouldBe(404);
        ((int)(await admin.GetPageAsync("/newsroom/users/999999/ban")).Response.StatusCode).ShouldBe(404);
        var article = await app.ArticleAsync();
        var token = await admin.AnyTokenAsync(article.Slug);
        var (lockMissing, _) = await admin.PostAsync("/newsroom/users/999999?handler=Lock", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        ((int)lockMissing.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task The_audit_log_lists_newest_first_filters_by_action_and_target_and_links_targets_that_exist()
    {
        var target = await app.UserAsync();
        var (admin, adminUser) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        await admin.BanAsync(target.Id, "forever", "Spam");
        await admin.PressAsync(PeopleForms.BanPage(target.Id), $"{PeopleForms.BanPage(target.Id)}?handler=Unban");
        await admin.UserActionAsync(target.Id, "Role", new() { ["role"] = Roles.Author });

        var (response, page) = await admin.GetPageAsync($"/newsroom/audit?target=user:{target.Id}");
        ((int)response.StatusCode).ShouldBe(200);
        var rows = page.QuerySelectorAll(".audit-list tbody tr");
        rows.Select(r => r.QuerySelector(".audit-action")!.TextContent).ShouldBe(["user.role", "user.unban", "user.ban"]);
        rows[0].QuerySelector(".audit-actor")!.TextContent.ShouldBe(adminUser.DisplayName);
        rows[0].QuerySelector(".audit-target a")!.GetAttribute("href").ShouldBe($"/newsroom/users/{target.Id}");
        rows[2].QuerySelector(".audit-detail")!.TextContent.ShouldEndWith("for good: Spam");

        var (_, bans) = await admin.GetPageAsync($"/newsroom/audit?action=user.ban&target=user:{target.Id}");
        bans.QuerySelectorAll(".audit-list tbody tr .audit-action").Select(a => a.TextContent).ShouldBe(["user.ban"]);
        var (_, gone) = await admin.GetPageAsync("/newsroom/audit?target=user:999999");
        gone.QuerySelector(".empty")!.TextContent.ShouldBe("No entries match.");
        ((int)(await admin.GetPageAsync("/newsroom/audit?page=abc")).Response.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task A_target_that_no_longer_exists_is_shown_without_a_link()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        var id = $"{900000 + Random.Shared.Next(99999)}";
        await app.WithDbAsync(async db =>
        {
            db.AuditLog.Add(new AuditEntry { At = DateTime.UtcNow, ActorName = "operator", Action = "article.publish", TargetKind = "article", TargetId = id, Detail = "Published a story since deleted" });
            await db.SaveChangesAsync();
        });

        var (_, page) = await admin.GetPageAsync($"/newsroom/audit?target=article:{id}");

        var target = page.QuerySelector(".audit-list tbody tr .audit-target")!;
        target.TextContent.ShouldBe($"article {id}");
        target.QuerySelector("a").ShouldBeNull();
    }
}
