using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

[Trait("Category", "Integration")]
public sealed class CommentEditDeleteTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private Task SetCreatedAtAsync(long id, DateTime when) =>
        app.WithDbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, when)));

    [Fact]
    public async Task The_author_edits_within_fifteen_minutes_and_the_comment_then_shows_edited()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "Teh ferry")).Response.CommentId();
        await SetCreatedAtAsync(id, DateTime.UtcNow.AddMinutes(-14));

        var (_, form) = await reader.GetPageAsync($"/comments/{id}/edit");
        form.QuerySelector("form.comment-form textarea")!.TextContent.ShouldBe("Teh ferry");
        var (response, _) = await reader.EditAsync(id, "The *ferry*");

        ((int)response.StatusCode).ShouldBe(302);
        response.Location().ShouldBe($"/articles/{article.Slug}/comments#comment-{id}");
        var stored = (await app.CommentByIdAsync(id))!;
        stored.BodyMarkdown.ShouldBe("The *ferry*");
        stored.BodyHtml.ShouldBe("<p>The <em>ferry</em></p>");
        stored.EditedAt.ShouldNotBeNull();
        var (_, thread) = await app.Reader().ThreadAsync(article.Slug);
        thread.QuerySelector($"#comment-{id} .comment-edited")!.TextContent.ShouldBe("edited");
        thread.QuerySelector($"#comment-{id} .comment-body em")!.TextContent.ShouldBe("ferry");
    }

    [Fact]
    public async Task With_htmx_the_edit_form_takes_the_comments_place_and_the_saved_comment_comes_back()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "first draft")).Response.CommentId();

        var (_, thread) = await reader.ThreadAsync(article.Slug);
        var edit = thread.QuerySelector($"#comment-{id} a[href='/comments/{id}/edit']")!;
        edit.GetAttribute("data-hx-target").ShouldBe("closest .comment-self");
        var (_, form) = await reader.GetPageAsync($"/comments/{id}/edit", htmx: true);
        form.QuerySelector("body > .comment-self.editing form")!.GetAttribute("data-hx-post").ShouldBe($"/comments/{id}/edit");

        var (saved, fragment) = await reader.EditAsync(id, "second draft", htmx: true);
        ((int)saved.StatusCode).ShouldBe(200);
        fragment.QuerySelector("body > article.comment-self .comment-body")!.TextContent.Trim().ShouldBe("second draft");
        fragment.QuerySelector(".comment-edited").ShouldNotBeNull();
    }

    [Fact]
    public async Task After_fifteen_minutes_the_comment_can_no_longer_be_edited()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "set in stone")).Response.CommentId();
        var (_, thread) = await reader.ThreadAsync(article.Slug);
        thread.QuerySelector($"#comment-{id} a[href='/comments/{id}/edit']").ShouldNotBeNull();
        var token = await reader.ThreadTokenAsync(article.Slug);
        await SetCreatedAtAsync(id, DateTime.UtcNow.AddMinutes(-16));

        (await reader.ThreadAsync(article.Slug)).Page.QuerySelector($"#comment-{id} a[href='/comments/{id}/edit']").ShouldBeNull();
        var (opened, page) = await reader.GetPageAsync($"/comments/{id}/edit");
        ((int)opened.StatusCode).ShouldBe(403);
        page.QuerySelector(".comment-refusal")!.TextContent.ShouldContain("15 minutes");
        // A form kept open past the window is refused too, with the comment unchanged.
        var (late, _) = await reader.PostAsync($"/comments/{id}/edit", new Dictionary<string, string>(token) { ["body"] = "rewritten" });
        ((int)late.StatusCode).ShouldBe(403);
        var stored = (await app.CommentByIdAsync(id))!;
        stored.BodyMarkdown.ShouldBe("set in stone");
        stored.EditedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Nobody_edits_or_deletes_someone_elses_comment()
    {
        var article = await app.ArticleAsync();
        var owner = await app.UserAsync();
        var comment = await app.SeedCommentAsync(article.Id, owner.Id, "mine, not yours");
        var (other, _) = await app.SignedInReaderAsync();
        using var _r = other;
        var token = await other.ThreadTokenAsync(article.Slug);

        var (edit, _) = await other.PostAsync($"/comments/{comment.Id}/edit", new Dictionary<string, string>(token) { ["body"] = "yours now" });
        var (delete, page) = await other.DeleteAsync(article.Slug, comment.Id);

        ((int)edit.StatusCode).ShouldBe(403);
        ((int)delete.StatusCode).ShouldBe(403);
        page.QuerySelector(".comment-refusal")!.TextContent.ShouldBe("You can only delete your own comments.");
        var stored = (await app.CommentByIdAsync(comment.Id))!;
        stored.BodyMarkdown.ShouldBe("mine, not yours");
        stored.Status.ShouldBe(CommentStatus.Visible);
    }

    [Fact]
    public async Task Deleting_a_comment_without_replies_removes_it_and_its_count()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "on second thoughts")).Response.CommentId();
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);

        var (response, _) = await reader.DeleteAsync(article.Slug, id);

        ((int)response.StatusCode).ShouldBe(302);
        response.Location().ShouldBe($"/articles/{article.Slug}/comments#comments");
        (await app.CommentByIdAsync(id)).ShouldBeNull();
        (await app.CommentCountAsync(article.Id)).ShouldBe(0);
        (await reader.ThreadAsync(article.Slug)).Page.QuerySelector($"#comment-{id}").ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_a_comment_with_replies_leaves_it_as_deleted_with_its_body_cleared_and_the_replies_in_place()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var id = (await reader.CommentAsync(article.Slug, "a thought worth answering")).Response.CommentId();
        var reply = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "an answer", parentId: id);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentCount, 2)));

        var (response, fragment) = await reader.DeleteAsync(article.Slug, id, htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        fragment.QuerySelector("body > article.comment-self.placeholder .comment-author")!.TextContent.ShouldBe("[deleted]");
        var stored = (await app.CommentByIdAsync(id))!;
        stored.Status.ShouldBe(CommentStatus.Deleted);
        stored.BodyMarkdown.ShouldBe("");
        stored.BodyHtml.ShouldBe("");
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        var (_, thread) = await app.Reader().ThreadAsync(article.Slug);
        thread.QuerySelector($"#comment-{id} .comment-author")!.TextContent.ShouldBe("[deleted]");
        thread.QuerySelector($"#comment-{id} > .comment-self .comment-body").ShouldBeNull();
        thread.QuerySelector($"#comment-{id} > ol.replies > li#comment-{reply.Id} .comment-body")!.TextContent.Trim().ShouldBe("an answer");
        thread.QuerySelector($"#comment-{id}")!.TextContent.ShouldNotContain("a thought worth answering");
    }

    [Fact]
    public async Task When_the_last_reply_under_a_deleted_comment_goes_the_placeholder_goes_with_it()
    {
        var article = await app.ArticleAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        var parent = await app.SeedCommentAsync(article.Id, (await app.UserAsync()).Id, "gone", status: CommentStatus.Deleted);
        var (replyForm, refusal) = await reader.GetPageAsync($"/comments/{parent.Id}/reply");
        ((int)replyForm.StatusCode).ShouldBe(404); // a [deleted] comment takes no new replies
        refusal.QuerySelector(".comment-refusal")!.TextContent.ShouldBe("The comment you want to reply to is not there any more.");
        var reply = await app.SeedCommentAsync(article.Id, user.Id, "the last word", parentId: parent.Id);

        var (response, fragment) = await reader.DeleteAsync(article.Slug, reply.Id, htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        fragment.QuerySelector(".comment-gone")!.TextContent.ShouldBe("Your comment has been deleted.");
        (await app.CommentsOnAsync(article.Id)).ShouldBeEmpty();
    }
}
