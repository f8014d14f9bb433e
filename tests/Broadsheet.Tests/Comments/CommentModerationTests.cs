using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Comments;

[Trait("Category", "Integration")]
public sealed class CommentModerationTests(FirstCommentModerationApp app) : IClassFixture<FirstCommentModerationApp>
{
    private const string Queue = "/newsroom/comments";

    /// <summary>Posts the queue's form with these fields; repeated names (the ticked boxes) included.</summary>
    private static async Task<HttpResponseMessage> ModerateAsync(ReaderSession editor, string act, params long[] ticked)
    {
        var (_, page) = await editor.GetPageAsync(Queue);
        var token = page.QuerySelector($"form[action='{Queue}'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The queue has no form.");
        List<KeyValuePair<string, string>> fields = [new("__RequestVerificationToken", token), new("act", act), .. ticked.Select(id => new KeyValuePair<string, string>("ids", id.ToString()))];
        return await editor.Http.PostAsync(Queue, new FormUrlEncodedContent(fields));
    }

    private static IElement? Shown(IDocument thread, long id) => thread.QuerySelector($"#comment-{id}");

    [Fact]
    public async Task A_first_comment_is_held_visible_only_to_its_author_until_an_editor_approves_it_then_shown_to_all_and_counted()
    {
        var article = await app.ArticleAsync();
        var (author, _) = await app.SignedInReaderAsync();
        var (other, _) = await app.SignedInReaderAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _a = author; using var _o = other; using var _e = editor;
        using var anonymous = app.Reader();

        var (posted, _) = await author.CommentAsync(article.Slug, "My very first comment.");
        var id = posted.CommentId();

        (await app.CommentByIdAsync(id))!.Status.ShouldBe(CommentStatus.Held);
        (await app.CommentCountAsync(article.Id)).ShouldBe(0);
        var own = Shown((await author.ThreadAsync(article.Slug)).Page, id)!;
        own.QuerySelector(".comment-held")!.TextContent.ShouldBe("awaiting moderation");
        own.QuerySelector(".comment-body")!.TextContent.Trim().ShouldBe("My very first comment.");
        Shown((await other.ThreadAsync(article.Slug)).Page, id).ShouldBeNull();
        Shown((await anonymous.ThreadAsync(article.Slug)).Page, id).ShouldBeNull();
        (await anonymous.ThreadAsync(article.Slug)).Page.QuerySelector(".thread-count")!.TextContent.ShouldBe("0 comments");

        var (_, queue) = await editor.GetPageAsync(Queue);
        var item = queue.QuerySelector($"#queue-{id}")!;
        item.QuerySelector(".queue-status")!.TextContent.ShouldBe("held");
        item.QuerySelector(".comment-body")!.TextContent.ShouldContain("My very first comment.");

        var approved = await ModerateAsync(editor, $"approve:{id}");
        ((int)approved.StatusCode).ShouldBe(302);
        var (_, after) = await editor.GetPageAsync(approved.Location());
        after.QuerySelector(".form-notice")!.TextContent.ShouldBe("1 comment approved.");
        after.QuerySelector($"#queue-{id}").ShouldBeNull();

        (await app.CommentByIdAsync(id))!.Status.ShouldBe(CommentStatus.Visible);
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        var shown = Shown((await anonymous.ThreadAsync(article.Slug)).Page, id)!;
        shown.QuerySelector(".comment-held").ShouldBeNull();
        Shown((await other.ThreadAsync(article.Slug)).Page, id).ShouldNotBeNull();

        // Approved once, trusted since: the next comment is shown at once.
        var next = (await author.CommentAsync(article.Slug, "And a second one.")).Response.CommentId();
        (await app.CommentByIdAsync(next))!.Status.ShouldBe(CommentStatus.Visible);
        (await app.CommentCountAsync(article.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Editors_comments_are_never_held()
    {
        var article = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var id = (await editor.CommentAsync(article.Slug, "From the desk.")).Response.CommentId();
        (await app.CommentByIdAsync(id))!.Status.ShouldBe(CommentStatus.Visible);
    }

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Author)]
    public async Task Readers_and_authors_cannot_open_or_use_the_queue(string role)
    {
        var article = await app.ArticleAsync();
        var held = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "waiting", status: CommentStatus.Held);
        var (reader, _) = await app.SignedInReaderAsync(role);
        using var _r = reader;

        var (opened, page) = await reader.GetPageAsync(Queue);
        ((int)opened.StatusCode).ShouldBe(403);
        page.QuerySelector(".moderation").ShouldBeNull(); // the site's 403 page, not the queue
        page.QuerySelectorAll("#queue-" + held.Id).ShouldBeEmpty();

        // A forged post with a valid token of their own is refused on the server too.
        var (_, thread) = await reader.ThreadAsync(article.Slug);
        var token = thread.QuerySelector("#thread-actions input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (posted, _) = await reader.PostAsync(Queue, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["act"] = $"approve:{held.Id}" });
        ((int)posted.StatusCode).ShouldBe(403);
        (await app.CommentByIdAsync(held.Id))!.Status.ShouldBe(CommentStatus.Held);

        using var anonymous = app.Reader();
        var (signedOut, _) = await anonymous.GetPageAsync(Queue);
        ((int)signedOut.StatusCode).ShouldBe(302);
        signedOut.Location().ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task Ticked_comments_are_approved_or_rejected_together()
    {
        var article = await app.ArticleAsync();
        var writer = await app.UserAsync();
        var a = await app.SeedCommentAsync(article.Id, writer.Id, "one", status: CommentStatus.Held);
        var b = await app.SeedCommentAsync(article.Id, writer.Id, "two", status: CommentStatus.Held);
        var c = await app.SeedCommentAsync(article.Id, writer.Id, "three", status: CommentStatus.Held);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _e = editor;

        ((int)(await ModerateAsync(editor, "approve")).StatusCode).ShouldBe(422); // nothing ticked
        ((int)(await ModerateAsync(editor, "reject", a.Id, c.Id)).StatusCode).ShouldBe(302);
        ((int)(await ModerateAsync(editor, "approve", b.Id)).StatusCode).ShouldBe(302);

        (await app.CommentsOnAsync(article.Id)).Select(x => (x.Id, x.Status))
            .ShouldBe([(a.Id, CommentStatus.Rejected), (b.Id, CommentStatus.Visible), (c.Id, CommentStatus.Rejected)]);
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        using var anyone = app.Reader();
        (await anyone.ThreadAsync(article.Slug)).Page.TopLevelIds().ShouldBe([b.Id]);
    }

    [Fact]
    public async Task A_report_files_its_reason_once_per_reader_and_the_queue_resolves_it()
    {
        var article = await app.ArticleAsync();
        var comment = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "Buy cheap watches!");
        var (reader, user) = await app.SignedInReaderAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _r = reader; using var _e = editor;

        var (_, thread) = await reader.ThreadAsync(article.Slug);
        thread.QuerySelector($"#comment-{comment.Id} a[href='/comments/{comment.Id}/report']")!.GetAttribute("data-hx-target").ShouldBe($"#slot-{comment.Id}");
        var (empty, emptyForm) = await reader.ReportAsync(comment.Id, "   ", htmx: true);
        ((int)empty.StatusCode).ShouldBe(422);
        emptyForm.QuerySelector(".report-panel .form-error")!.TextContent.ShouldBe("Tell us what is wrong with this comment.");
        var (tooLong, _) = await reader.ReportAsync(comment.Id, new string('!', 501));
        ((int)tooLong.StatusCode).ShouldBe(422);

        var (filed, notice) = await reader.ReportAsync(comment.Id, "Spam for watches", htmx: true);
        ((int)filed.StatusCode).ShouldBe(200);
        notice.QuerySelector(".report-panel .form-notice")!.TextContent.ShouldBe(CommentReports.Thanks);
        var (again, againPage) = await reader.ReportAsync(comment.Id, "Still spam");
        ((int)again.StatusCode).ShouldBe(200);
        againPage.QuerySelector(".form-notice")!.TextContent.ShouldBe(CommentReports.Already);

        var report = (await app.WithDbAsync(db => db.CommentReports.AsNoTracking().Where(r => r.CommentId == comment.Id).ToListAsync())).ShouldHaveSingleItem();
        report.UserId.ShouldBe(user.Id);
        report.Reason.ShouldBe("Spam for watches");
        report.ResolvedAt.ShouldBeNull();

        var (_, queue) = await editor.GetPageAsync(Queue);
        var item = queue.QuerySelector($"#queue-{comment.Id}")!;
        item.QuerySelector(".queue-status")!.TextContent.ShouldBe("shown");
        item.QuerySelector(".reasons li")!.TextContent.ShouldBe("Spam for watches");

        ((int)(await ModerateAsync(editor, $"reject:{comment.Id}")).StatusCode).ShouldBe(302);
        (await app.CommentByIdAsync(comment.Id))!.Status.ShouldBe(CommentStatus.Rejected);
        (await app.WithDbAsync(db => db.CommentReports.SingleAsync(r => r.Id == report.Id))).ResolvedAt.ShouldNotBeNull();
        (await editor.GetPageAsync(Queue)).Page.QuerySelector($"#queue-{comment.Id}").ShouldBeNull();
        Shown((await app.Reader().ThreadAsync(article.Slug)).Page, comment.Id).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_from_the_queue_removes_the_comment()
    {
        var article = await app.ArticleAsync();
        var held = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "nope", status: CommentStatus.Held);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;

        ((int)(await ModerateAsync(editor, $"delete:{held.Id}")).StatusCode).ShouldBe(302);

        (await app.CommentByIdAsync(held.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_held_reply_notifies_the_parents_author_only_once_it_is_approved()
    {
        var article = await app.ArticleAsync();
        var owner = await app.UserAsync();
        var parent = await app.SeedCommentAsync(article.Id, owner.Id, "Approved long ago.");
        var (newcomer, _) = await app.SignedInReaderAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _n = newcomer; using var _e = editor;

        var replyId = (await newcomer.ReplyAsync(parent.Id, "My first reply.")).Response.CommentId();
        (await app.CommentByIdAsync(replyId))!.Status.ShouldBe(CommentStatus.Held);
        (await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == owner.Id))).ShouldBe(0);

        await ModerateAsync(editor, $"approve:{replyId}");

        (await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == owner.Id))).CommentId.ShouldBe(replyId);
    }

    [Fact]
    public async Task Staff_comments_are_never_held_and_the_queue_offers_no_ban_for_staff()
    {
        var article = await app.ArticleAsync();
        var (writer, _) = await app.SignedInReaderAsync(Roles.Author);
        var (reader, _) = await app.SignedInReaderAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _w = writer; using var _r = reader; using var _e = editor;

        // An author's first comment, under the first-comment policy, is shown at once and counted.
        var (posted, _) = await writer.CommentAsync(article.Slug, "Author here: the timetable is on the council's site.");
        var staffId = posted.CommentId();
        (await app.CommentByIdAsync(staffId))!.Status.ShouldBe(CommentStatus.Visible);
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        var (readerPosted, _) = await reader.CommentAsync(article.Slug, "A reader's first comment waits.");
        var readerId = readerPosted.CommentId();
        (await app.CommentByIdAsync(readerId))!.Status.ShouldBe(CommentStatus.Held);

        // Reported, the author's comment reaches the queue, but only the reader's offers a ban.
        (await reader.ReportAsync(staffId, "Off topic")).Response.IsSuccessStatusCode.ShouldBeTrue();
        var (_, queue) = await editor.GetPageAsync(Queue);
        queue.QuerySelector($"#queue-{staffId}").ShouldNotBeNull();
        queue.QuerySelector($"#queue-{staffId} .ban-author").ShouldBeNull();
        queue.QuerySelector($"#queue-{readerId} .ban-author")!.TextContent.ShouldBe("Ban this reader");
    }
}
