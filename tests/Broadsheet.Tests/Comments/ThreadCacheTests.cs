using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Comments;

/// <summary>
/// Every view of a story loads its thread, so during a spike the anonymous thread is cached like
/// a page (1 s as shipped; 60 s in these tests, so "cached" is visible). A signed-in reader's
/// thread is theirs: never cached, never served to anyone else.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ThreadCacheTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    [Fact]
    public async Task The_anonymous_thread_is_cached_but_a_commenter_sees_their_comment_at_once()
    {
        var article = await app.ArticleAsync();
        using var anonymous = app.Reader();
        var (first, _) = await anonymous.GetPageAsync(CommentForms.ThreadPath(article.Slug), htmx: true);
        var (second, _) = await anonymous.GetPageAsync(CommentForms.ThreadPath(article.Slug), htmx: true);
        first.Headers.Age.ShouldBeNull();
        second.Headers.Age.ShouldNotBeNull();

        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        await reader.CommentAsync(article.Slug, "Seen by its author straight away.");
        var (own, ownThread) = await reader.GetPageAsync(CommentForms.ThreadPath(article.Slug), htmx: true);

        own.Headers.Age.ShouldBeNull();
        ownThread.QuerySelector(".comment-body")!.TextContent.Trim().ShouldBe("Seen by its author straight away.");
        (await app.CommentCountAsync(article.Id)).ShouldBe(1);
        var (_, cached) = await anonymous.GetPageAsync(CommentForms.ThreadPath(article.Slug), htmx: true);
        cached.QuerySelector(".comment-body").ShouldBeNull(); // the cached copy, until its lifetime ends
        cached.Source.Text.ShouldNotContain(user.DisplayName);
    }

    [Fact]
    public async Task Each_sort_order_is_cached_on_its_own()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        await reader.CommentAsync(article.Slug, "The older one.");
        await reader.CommentAsync(article.Slug, "The newer one.");
        using var anonymous = app.Reader();

        var (_, newest) = await anonymous.ThreadAsync(article.Slug, "newest");
        var (_, oldest) = await anonymous.ThreadAsync(article.Slug, "oldest");

        newest.QuerySelector(".comment-body")!.TextContent.Trim().ShouldBe("The newer one.");
        oldest.QuerySelector(".comment-body")!.TextContent.Trim().ShouldBe("The older one.");
    }
}
