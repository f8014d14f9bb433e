using Broadsheet.Votes;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.People;

[Trait("Category", "Integration")]
public sealed class BanTests(PeopleApp app) : IClassFixture<PeopleApp>
{
    private static Task<HttpResponseMessage> VoteAsync(ReaderSession reader, string slug) => reader.VoteOnArticleAsync(slug, "up");

    [Fact]
    public async Task A_banned_reader_still_reads_but_cannot_comment_or_vote_and_is_told_why_until_the_ban_is_lifted()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        var (editor, editorUser) = await app.SignedInReaderAsync(Roles.Editor);
        using var _r = reader; using var _e = editor;

        var (banned, _) = await editor.BanAsync(user.Id, "until", "Repeated personal attacks", until: "2099-03-04");
        ((int)banned.StatusCode).ShouldBe(302);
        banned.Location().ShouldBe($"/newsroom/users/{user.Id}/ban?done=ban");
        var stored = await app.FreshUserAsync(user.Id);
        stored.BannedUntil.ShouldBe(new DateTime(2099, 3, 5, 0, 0, 0, DateTimeKind.Utc));
        stored.BanReason.ShouldBe("Repeated personal attacks");
        var entry = (await app.AuditForAsync("user", $"{user.Id}")).ShouldHaveSingleItem();
        (entry.Action, entry.ActorUserId).ShouldBe(("user.ban", editorUser.Id));
        entry.Detail.ShouldContain("until 5 March 2099, 00:00 UTC: Repeated personal attacks");

        ((int)(await reader.GetPageAsync($"/articles/{article.Slug}")).Response.StatusCode).ShouldBe(200);
        var gate = (await reader.ThreadAsync(article.Slug)).Page.QuerySelector(".thread-gate")!.TextContent;
        gate.ShouldContain("cannot comment or vote on comments until 5 March 2099");
        gate.ShouldContain("Reason: Repeated personal attacks");
        var (refused, refusal) = await reader.PostAsync(CommentForms.ThreadPath(article.Slug),
            new Dictionary<string, string>(await reader.ThreadTokenAsync(article.Slug)) { ["body"] = "Let me in." });
        ((int)refused.StatusCode).ShouldBe(403);
        refusal.Body!.TextContent.ShouldContain("Reason: Repeated personal attacks");
        var vote = await VoteAsync(reader, article.Slug);
        ((int)vote.StatusCode).ShouldBe(403);
        (await vote.Content.ReadAsStringAsync()).ShouldContain("Reason: Repeated personal attacks");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.UserId == user.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.UserId == user.Id))).ShouldBe(0);

        var (lifted, _) = await editor.PressAsync(PeopleForms.BanPage(user.Id), $"{PeopleForms.BanPage(user.Id)}?handler=Unban");
        ((int)lifted.StatusCode).ShouldBe(302);
        var after = await app.FreshUserAsync(user.Id);
        (after.BannedUntil, after.BanReason).ShouldBe((null, null));
        (await app.AuditForAsync("user", $"{user.Id}")).Select(e => e.Action).ShouldBe(["user.ban", "user.unban"]);
        ((int)(await VoteAsync(reader, article.Slug)).StatusCode).ShouldBe(302);
    }

    [Fact]
    public async Task A_ban_for_good_is_stored_as_the_end_of_time()
    {
        var user = await app.UserAsync();
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        ((int)(await admin.BanAsync(user.Id, "forever", "Spam account")).Response.StatusCode).ShouldBe(302);

        (await app.FreshUserAsync(user.Id)).BannedUntil.ShouldBe(DateTime.MaxValue);
        var (_, page) = await admin.GetPageAsync(PeopleForms.BanPage(user.Id));
        page.QuerySelector(".ban-current")!.TextContent.ShouldBe("Banned for good: Spam account");
    }

    [Theory]
    [InlineData("until", "2001-01-01", "A reason", "The ban must end after today.")]
    [InlineData("until", "next week", "A reason", "Give the last day of the ban as a date (yyyy-mm-dd).")]
    [InlineData("forever", "", "   ", "Give a reason: the reader sees it.")]
    public async Task A_ban_without_a_future_date_or_a_reason_is_refused_with_the_form_again(string length, string until, string reason, string problem)
    {
        var user = await app.UserAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;

        var (response, page) = await editor.BanAsync(user.Id, length, reason, until);

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldBe(problem);
        page.QuerySelector("form.ban-form").ShouldNotBeNull();
        (await app.FreshUserAsync(user.Id)).BannedUntil.ShouldBeNull();
        (await app.AuditForAsync("user", $"{user.Id}")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Editor, Roles.Editor, "Only an admin can ban an editor.")]
    [InlineData(Roles.Editor, Roles.Admin, "Admins cannot be banned. Another admin can change their role first.")]
    [InlineData(Roles.Admin, Roles.Admin, "Admins cannot be banned. Another admin can change their role first.")]
    public async Task Editors_cannot_ban_editors_and_nobody_bans_an_admin(string actorRole, string targetRole, string problem)
    {
        var target = await app.UserAsync(role: targetRole);
        var (actor, _) = await app.SignedInReaderAsync(actorRole);
        using var _a = actor;

        var (response, page) = await actor.BanAsync(target.Id, "forever", "Testing the limits");

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector(".form-error")!.TextContent.ShouldBe(problem);
        (await app.FreshUserAsync(target.Id)).BannedUntil.ShouldBeNull();
        (await app.AuditForAsync("user", $"{target.Id}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_can_ban_an_editor()
    {
        var target = await app.UserAsync(role: Roles.Editor);
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;

        ((int)(await admin.BanAsync(target.Id, "forever", "Abusive replies")).Response.StatusCode).ShouldBe(302);

        (await app.FreshUserAsync(target.Id)).BanReason.ShouldBe("Abusive replies");
    }

    [Fact]
    public async Task Each_moderation_action_is_audited_and_the_queue_offers_to_ban_the_author_and_comes_back()
    {
        var article = await app.ArticleAsync();
        var writer = await app.UserAsync();
        var approve = await app.SeedCommentAsync(article.Id, writer.Id, "one", status: CommentStatus.Held);
        var reject = await app.SeedCommentAsync(article.Id, writer.Id, "two", status: CommentStatus.Held);
        var delete = await app.SeedCommentAsync(article.Id, writer.Id, "three", status: CommentStatus.Held);
        var (editor, editorUser) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        const string Queue = "/newsroom/comments";

        var (_, queue) = await editor.GetPageAsync(Queue);
        var banLink = queue.QuerySelector($"#queue-{approve.Id} a.ban-author")!.GetAttribute("href")!;
        banLink.ShouldBe($"/newsroom/users/{writer.Id}/ban?returnUrl=%2Fnewsroom%2Fcomments");
        foreach (var act in new[] { $"approve:{approve.Id}", $"reject:{reject.Id}", $"delete:{delete.Id}" })
            ((int)(await editor.SubmitAsync(Queue, Queue, new Dictionary<string, string> { ["act"] = act })).Response.StatusCode).ShouldBe(302);

        foreach (var (comment, action, detail) in new[] { (approve, "comment.approve", "Approved held"), (reject, "comment.reject", "Rejected"), (delete, "comment.delete", "Deleted") })
        {
            var entry = (await app.AuditForAsync("comment", $"{comment.Id}")).ShouldHaveSingleItem();
            (entry.Action, entry.ActorUserId, entry.ActorName).ShouldBe((action, editorUser.Id, editorUser.DisplayName));
            entry.Detail.ShouldBe($"{detail} comment {comment.Id} on \u201c{article.Title}\u201d");
        }

        var (banned, _) = await editor.BanAsync(writer.Id, "forever", "Spam", from: banLink);
        ((int)banned.StatusCode).ShouldBe(302);
        banned.Location().ShouldBe(Queue);
        (await app.FreshUserAsync(writer.Id)).BannedUntil.ShouldBe(DateTime.MaxValue);
    }
}
