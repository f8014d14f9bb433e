using Broadsheet.Audit;
using Broadsheet.Newsroom;
using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Api;
using Broadsheet.Comments;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.People;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Every moderation and account action, through every route that can perform it, by every role
/// allowed to: each must leave exactly one audit row naming the actor, the action and the target.
/// The table is the list to extend when a new route or action appears: a route that performs an
/// action without the service's audit write fails its row.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditTrailTests(PeopleApp app) : IClassFixture<PeopleApp>
{
    private const string Queue = "/newsroom/comments";
    private const string Keys = "/newsroom/api-keys";

    public static TheoryData<string, string, string> Table => new()
    {
        // route, role, action
        { Queue, Roles.Editor, "comment.approve" },
        { Queue, Roles.Admin, "comment.approve" },
        { Queue, Roles.Editor, "comment.reject" },
        { Queue, Roles.Admin, "comment.reject" },
        { Queue, Roles.Editor, "comment.delete" },
        { Queue, Roles.Admin, "comment.delete" },
        { "/comments/{id}/delete", Roles.Editor, "comment.delete" },
        { "/comments/{id}/delete", Roles.Admin, "comment.delete" },
        { "/newsroom/users/{id}/ban", Roles.Editor, "user.ban" },
        { "/newsroom/users/{id}/ban", Roles.Admin, "user.ban" },
        { "/newsroom/users/{id}/ban?handler=Unban", Roles.Editor, "user.unban" },
        { "/newsroom/users/{id}/ban?handler=Unban", Roles.Admin, "user.unban" },
        { "/newsroom/users/{id}?handler=Role", Roles.Admin, "user.role" },
        { "/newsroom/users/{id}?handler=Lock", Roles.Admin, "user.lock" },
        { "/newsroom/users/{id}?handler=Unlock", Roles.Admin, "user.unlock" },
        { "/newsroom/users/{id}?handler=Reset", Roles.Admin, "user.reset" },
        { Keys + "?handler=Create", Roles.Admin, "apikey.create" },
        { Keys + "?handler=Revoke", Roles.Admin, "apikey.revoke" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_moderation_and_account_action_leaves_one_audit_row_with_actor_action_and_target(string route, string role, string action)
    {
        var actor = await app.UserAsync(role: role);
        using var session = app.Reader();
        ((int)(await session.SignInAsync(actor.Email!)).Response.StatusCode).ShouldBe(302);

        var (kind, target) = await PerformAsync(session, route, action);

        var rows = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.TargetKind == kind && e.TargetId == target).ToListAsync());
        var row = rows.ShouldHaveSingleItem($"{action} through {route} by an {role}");
        (row.Action, row.ActorUserId, row.ActorName).ShouldBe((action, (int?)actor.Id, actor.DisplayName));
        row.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_reader_deleting_their_own_comment_is_not_moderation_and_leaves_no_audit_row()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var comment = await app.SeedCommentAsync(article.Id, user.Id, "Posted in haste.");

        ((int)(await reader.DeleteAsync(article.Slug, comment.Id)).Response.StatusCode).ShouldBe(302);

        (await app.CommentByIdAsync(comment.Id)).ShouldBeNull();
        (await app.AuditForAsync("comment", $"{comment.Id}")).ShouldBeEmpty();
    }

    /// <summary>Makes a fresh target for the action, performs it through the route as the browser would, checks it happened; returns the target.</summary>
    private async Task<(string Kind, string Id)> PerformAsync(ReaderSession session, string route, string action)
    {
        switch (action)
        {
            case "comment.approve" or "comment.reject" or "comment.delete":
            {
                var article = await app.ArticleAsync();
                var writer = await app.UserAsync();
                // Held, so the queue lists it; a visible one, so the thread offers its delete button.
                var status = route == Queue ? CommentStatus.Held : CommentStatus.Visible;
                var comment = await app.SeedCommentAsync(article.Id, writer.Id, $"Something to moderate {Guid.NewGuid():N}", status: status);
                var response = route == Queue
                    ? await ModerateAsync(session, $"{action["comment.".Length..]}:{comment.Id}")
                    : (await session.DeleteAsync(article.Slug, comment.Id)).Response;
                ((int)response.StatusCode).ShouldBe(302);
                var after = await app.CommentByIdAsync(comment.Id);
                if (action == "comment.delete") after.ShouldBeNull();
                else after!.Status.ShouldBe(action == "comment.approve" ? CommentStatus.Visible : CommentStatus.Rejected);
                return ("comment", $"{comment.Id}");
            }
            case "user.ban" or "user.unban" or "user.role" or "user.lock" or "user.unlock" or "user.reset":
            {
                var target = await app.UserAsync();
                if (action == "user.unban")
                    await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.BannedUntil, DateTime.MaxValue).SetProperty(u => u.BanReason, "Spam")));
                if (action == "user.unlock")
                    await app.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1))));
                var path = route.Replace("{id}", $"{target.Id}", StringComparison.Ordinal);
                (HttpResponseMessage response, IDocument _) = action switch
                {
                    "user.ban" => await session.BanAsync(target.Id, "forever", "Spam in every thread."),
                    "user.unban" => await PeopleForms.PressAsync(session, PeopleForms.BanPage(target.Id), path),
                    "user.role" => await PeopleForms.PressAsync(session, PeopleForms.UserPage(target.Id), path, new() { ["role"] = Roles.Author }),
                    _ => await PeopleForms.PressAsync(session, PeopleForms.UserPage(target.Id), path),
                };
                ((int)response.StatusCode).ShouldBe(302, $"{action} through {path}");
                var fresh = await app.FreshUserAsync(target.Id);
                switch (action)
                {
                    case "user.ban": fresh.BannedUntil.ShouldBe(DateTime.MaxValue); break;
                    case "user.unban": fresh.BannedUntil.ShouldBeNull(); break;
                    case "user.role": (await app.RolesOfAsync(target.Id)).ShouldBe([Roles.Reader, Roles.Author], ignoreOrder: true); break;
                    case "user.lock": fresh.LockoutEnd.ShouldBe(DateTimeOffset.MaxValue); break;
                    case "user.unlock": fresh.LockoutEnd.ShouldBeNull(); break;
                }
                return ("user", $"{target.Id}");
            }
            case "apikey.create":
            {
                var name = $"Audited key {Guid.NewGuid():N}"[..30];
                var (response, page) = await session.SubmitAsync(Keys, route, new Dictionary<string, string> { ["name"] = name });
                ((int)response.StatusCode).ShouldBe(200);
                ApiKeyFormat.TryGetPrefix(page.QuerySelector("#new-key")!.GetAttribute("value"), out var prefix).ShouldBeTrue();
                var id = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Prefix == prefix && k.Name == name).Select(k => k.Id).SingleAsync());
                return ("apikey", $"{id}");
            }
            case "apikey.revoke":
            {
                var id = await app.WithDbAsync(async db =>
                {
                    var k = db.ApiKeys.Add(new ApiKey { Name = "To revoke", Prefix = ApiKeyFormat.Generate().Prefix, SecretHash = new string('0', 64), CreatedAt = DateTime.UtcNow }).Entity;
                    await db.SaveChangesAsync();
                    return k.Id;
                });
                var (_, page) = await session.GetPageAsync(Keys);
                var form = page.QuerySelectorAll("form.revoke-key").FirstOrDefault(f => HasQuery(f, "handler", "Revoke") && HasQuery(f, "id", $"{id}"))
                    ?? throw new Xunit.Sdk.XunitException($"No revoke form for key {id}.");
                var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                var (response, _) = await session.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                ((int)response.StatusCode).ShouldBe(302);
                (await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id))).RevokedAt.ShouldNotBeNull();
                return ("apikey", $"{id}");
            }
            default:
                throw new Xunit.Sdk.XunitException($"The table names {action}, which this test does not know how to perform.");
        }
    }

    private static bool HasQuery(IElement form, string name, string value) =>
        (form.GetAttribute("action") ?? "").Split('?').Last().Split('&').Contains($"{name}={value}");

    private static async Task<HttpResponseMessage> ModerateAsync(ReaderSession moderator, string act)
    {
        var (_, page) = await moderator.GetPageAsync(Queue);
        var token = page.QuerySelector($"form[action='{Queue}'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The queue has no form.");
        return await moderator.Http.PostAsync(Queue, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("act", act)]));
    }
}
