using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Analytics;

[Trait("Category", "Integration")]
public sealed class DashboardTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task An_author_sees_only_their_own_drafts_scheduled_and_published_stories_with_their_numbers()
    {
        var (author, mine) = await app.SignedInAuthorAsync();
        var (_, theirs) = await app.SignedInAuthorAsync();
        using var _a = author;
        var draft = await app.StoryAsync(mine, ArticleStatus.Draft);
        var submitted = await app.StoryAsync(mine, ArticleStatus.Draft, a => a.SubmittedAt = DateTime.UtcNow);
        var scheduled = await app.StoryAsync(mine, ArticleStatus.Scheduled);
        var published = await app.StoryAsync(mine, ArticleStatus.Published, a =>
        {
            (a.ViewCount, a.Upvotes, a.Downvotes, a.CommentCount) = (1234, 9, 2, 5);
        });
        var otherDraft = await app.StoryAsync(theirs, ArticleStatus.Draft);
        var otherPublished = await app.StoryAsync(theirs, ArticleStatus.Published);

        var page = await author.PageAsync("/newsroom");

        page.Listed("drafts").ShouldBe([submitted.Id, draft.Id], ignoreOrder: true);
        page.Listed("scheduled").ShouldBe([scheduled.Id]);
        page.Listed("published").ShouldBe([published.Id]);
        page.QuerySelector("#submitted").ShouldBeNull();
        page.QuerySelector(".queue-count").ShouldBeNull();
        page.QuerySelector($"#drafts [data-article='{submitted.Id}'] .badge")!.TextContent.ShouldBe("submitted for review");
        page.QuerySelector($"#drafts [data-article='{draft.Id}'] .badge").ShouldBeNull();
        var row = page.QuerySelector($"#published [data-article='{published.Id}']")!;
        (row.QuerySelector(".views")!.TextContent, row.QuerySelector(".points")!.TextContent, row.QuerySelector(".comments")!.TextContent).ShouldBe(("1,234", "7", "5"));
        row.QuerySelector("a[href$='/edit']")!.GetAttribute("href").ShouldBe($"/newsroom/articles/{published.Id}/edit");
        row.QuerySelector("a[href$='/analytics']")!.GetAttribute("href").ShouldBe($"/newsroom/articles/{published.Id}/analytics");
        page.Body!.TextContent.ShouldNotContain(otherDraft.Title);
        page.Body!.TextContent.ShouldNotContain(otherPublished.Title);
    }

    [Fact]
    public async Task An_editor_sees_everyones_stories_with_bylines_and_the_review_list()
    {
        var (_, byline) = await app.SignedInAuthorAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var draft = await app.StoryAsync(byline, ArticleStatus.Draft, a => a.UpdatedAt = DateTime.UtcNow.AddMinutes(1));
        var submitted = await app.StoryAsync(byline, ArticleStatus.Draft, a => a.SubmittedAt = DateTime.UtcNow);
        var published = await app.StoryAsync(byline, ArticleStatus.Published, a => a.PublishedAt = DateTime.UtcNow.AddSeconds(-5));

        var page = await editor.PageAsync("/newsroom");

        page.Listed("submitted").ShouldContain(submitted.Id);
        page.Listed("drafts").ShouldContain(draft.Id);
        page.Listed("drafts").ShouldNotContain(submitted.Id); // reviewed in its own list
        page.Listed("published")[0].ShouldBe(published.Id);
        page.QuerySelector($"#drafts [data-article='{draft.Id}'] .author")!.TextContent.ShouldBe(byline.DisplayName);
        page.QuerySelector("a[href='/newsroom/analytics']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Editors_see_the_moderation_queue_count_of_held_and_reported_comments()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var article = await app.ArticleAsync();
        int Count(Broadsheet.Data.BroadsheetDb db) => db.Comments.Count(c => c.Status == CommentStatus.Held
            || (c.Status == CommentStatus.Visible && db.Set<CommentReport>().Any(r => r.CommentId == c.Id && r.ResolvedAt == null)));
        var before = await app.WithDbAsync(db => Task.FromResult(Count(db)));
        await app.WithDbAsync(async db =>
        {
            Comment New(CommentStatus status) => db.Comments.Add(new Comment
            {
                ArticleId = article.Id, GuestName = "Pat", BodyMarkdown = "A view.", BodyHtml = "<p>A view.</p>", Status = status, CreatedAt = DateTime.UtcNow,
            }).Entity;
            New(CommentStatus.Held); New(CommentStatus.Held); New(CommentStatus.Visible); New(CommentStatus.Rejected);
            var reported = New(CommentStatus.Visible);
            var resolved = New(CommentStatus.Visible);
            await db.SaveChangesAsync();
            db.CommentReports.Add(new CommentReport { CommentId = reported.Id, Reason = "Rude", CreatedAt = DateTime.UtcNow });
            db.CommentReports.Add(new CommentReport { CommentId = reported.Id, Reason = "Spam", CreatedAt = DateTime.UtcNow });
            db.CommentReports.Add(new CommentReport { CommentId = resolved.Id, Reason = "Rude", CreatedAt = DateTime.UtcNow, ResolvedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var expected = await app.WithDbAsync(db => Task.FromResult(Count(db)));
        expected.ShouldBe(before + 3);

        var page = await editor.PageAsync("/newsroom");

        page.QuerySelector(".queue-count")!.TextContent.ShouldBe(expected.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector(".dashboard-queue a")!.GetAttribute("href").ShouldBe("/newsroom/comments");
    }

    [Fact]
    public async Task Readers_get_403_and_visitors_are_sent_to_sign_in()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var page = await reader.PageAsync("/newsroom", 403);
        page.QuerySelector("#dashboard-title").ShouldBeNull();

        using var visitor = app.Client();
        var response = await visitor.GetAsync("/newsroom");
        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }
}
