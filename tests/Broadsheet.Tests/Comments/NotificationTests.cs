using Broadsheet.Comments;
using Broadsheet.Tests.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

[Trait("Category", "Integration")]
public sealed class NotificationTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private Task<List<Notification>> NotificationsOfAsync(int userId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync());

    [Fact]
    public async Task A_reply_notifies_the_parents_author_with_an_unread_count_and_a_list_that_links_to_it()
    {
        var article = await app.ArticleAsync();
        var (alice, aliceUser) = await app.SignedInReaderAsync();
        var (bob, bobUser) = await app.SignedInReaderAsync();
        using var _a = alice; using var _b = bob;
        var parent = (await alice.CommentAsync(article.Slug, "Ferries should run all night.")).Response.CommentId();

        var replyId = (await bob.ReplyAsync(parent, "Who would pay for that?")).Response.CommentId();

        var note = (await NotificationsOfAsync(aliceUser.Id)).ShouldHaveSingleItem();
        note.CommentId.ShouldBe(replyId);
        note.ReadAt.ShouldBeNull();
        (await NotificationsOfAsync(bobUser.Id)).ShouldBeEmpty();
        app.Mailbox.To(aliceUser.Email!).ShouldBeEmpty(); // she did not ask for mail

        var (_, home) = await alice.GetPageAsync("/account");
        var link = home.QuerySelector("header .notifications-link")!;
        link.GetAttribute("href").ShouldBe("/notifications");
        link.QuerySelector(".unread-count")!.TextContent.ShouldBe(", 1 unread");

        var (_, list) = await alice.GetPageAsync("/notifications");
        var item = list.QuerySelector(".notification.unread")!;
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/articles/{article.Slug}/comments#comment-{replyId}");
        item.QuerySelector("a")!.TextContent.ShouldBe($"{bobUser.DisplayName} replied to your comment on {article.Title}");
        item.QuerySelector(".comment-body")!.TextContent.Trim().ShouldBe("Who would pay for that?");
        (await NotificationsOfAsync(aliceUser.Id)).Single().ReadAt.ShouldBeNull(); // reading the list is a GET: it changes nothing

        var (marked, _) = await alice.SubmitAsync("/notifications", "/notifications", CommentForms.AsTheFormIs);
        ((int)marked.StatusCode).ShouldBe(302);
        (await NotificationsOfAsync(aliceUser.Id)).Single().ReadAt.ShouldNotBeNull();
        var (_, after) = await alice.GetPageAsync("/notifications");
        after.QuerySelector("header .notifications-link .unread-count").ShouldBeNull();
        after.QuerySelector(".notification.unread").ShouldBeNull();
        after.QuerySelector(".notification a")!.GetAttribute("href").ShouldBe($"/articles/{article.Slug}/comments#comment-{replyId}");
    }

    [Fact]
    public async Task Replying_to_yourself_notifies_nobody()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        var parent = (await reader.CommentAsync(article.Slug, "One thing.")).Response.CommentId();

        await reader.ReplyAsync(parent, "And another.");

        (await NotificationsOfAsync(user.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signed_out_pages_have_no_notifications_link()
    {
        var article = await app.ArticleAsync();
        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
        page.QuerySelector(".notifications-link").ShouldBeNull();
        ((int)(await app.Reader().GetPageAsync("/notifications")).Response.StatusCode).ShouldBe(302); // sign in first
    }

    [Fact]
    public async Task Readers_who_opt_in_get_an_email_with_a_link_to_the_reply_and_can_opt_out_again()
    {
        var article = await app.ArticleAsync();
        var (alice, aliceUser) = await app.SignedInReaderAsync();
        var (bob, bobUser) = await app.SignedInReaderAsync();
        using var _a = alice; using var _b = bob;

        var (_, settings) = await alice.GetPageAsync("/account");
        settings.QuerySelector("form[action='/account?handler=Replies'] input[type=checkbox][name=emailOnReply]")!.HasAttribute("checked").ShouldBeFalse();
        var (saved, _) = await alice.SubmitSettingsAsync("Replies", new() { ["emailOnReply"] = "true" });
        ((int)saved.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == aliceUser.Id).Select(u => u.EmailOnReply).SingleAsync())).ShouldBeTrue();
        (await alice.GetPageAsync("/account?done=replies")).Page.QuerySelector(".form-notice")!.TextContent.ShouldBe("We will email you when someone replies to your comments.");

        var parent = (await alice.CommentAsync(article.Slug, "Mail me.")).Response.CommentId();
        var replyId = (await bob.ReplyAsync(parent, "Done.")).Response.CommentId();

        var mail = app.Mailbox.Latest(aliceUser.Email!);
        mail.Subject.ShouldBe($"{bobUser.DisplayName} replied to your comment on Broadsheet");
        mail.TextBody!.ShouldContain(article.Title);
        var link = Mailbox.LinkIn(mail);
        (link.AbsolutePath + link.Fragment).ShouldBe($"/articles/{article.Slug}/comments#comment-{replyId}");

        await alice.SubmitSettingsAsync("Replies", []);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == aliceUser.Id).Select(u => u.EmailOnReply).SingleAsync())).ShouldBeFalse();
        await bob.ReplyAsync(parent, "One more.");
        app.Mailbox.To(aliceUser.Email!).Count.ShouldBe(1);
        (await NotificationsOfAsync(aliceUser.Id)).Count.ShouldBe(2);
    }
}
