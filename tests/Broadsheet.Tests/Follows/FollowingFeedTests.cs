using Broadsheet.Articles;
using Broadsheet.Follows;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Follows;

[Trait("Category", "Integration")]
public sealed class FollowingFeedTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static async Task FollowAsync(ReaderSession reader, string pagePath)
    {
        var (response, _) = await reader.SubmitAsync(pagePath, "/follow", new Dictionary<string, string> { ["follow"] = "true" });
        ((int)response.StatusCode).ShouldBe(302, $"following from {pagePath}");
    }

    private static List<string> Titles(AngleSharp.Dom.IParentNode page) =>
        [.. page.QuerySelectorAll(".card-title a").Select(a => a.TextContent)];

    [Fact]
    public async Task Signed_out_readers_are_sent_to_sign_in_and_back()
    {
        using var reader = app.Reader();

        var (response, _) = await reader.GetPageAsync("/following");

        ((int)response.StatusCode).ShouldBe(302);
        var location = response.Headers.Location!;
        (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).ShouldBe("/account/sign-in?returnUrl=%2Ffollowing");
    }

    [Fact]
    public async Task Following_nothing_explains_how_to_follow_and_suggests_sections()
    {
        var category = await app.CategoryAsync();
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;

        var (response, page) = await reader.GetPageAsync("/following");

        ((int)response.StatusCode).ShouldBe(200);
        (await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == user.Id))).ShouldBe(0);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Following");
        var empty = page.QuerySelector("main .empty")!;
        empty.TextContent.ShouldContain("not following anything yet");
        empty.TextContent.ShouldContain("Follow");
        empty.QuerySelectorAll(".chips a").Select(a => a.GetAttribute("href")).ShouldContain($"/category/{category.Slug}");
        page.QuerySelector("main .feed").ShouldBeNull();
    }

    [Fact]
    public async Task The_feed_shows_live_stories_from_followed_authors_sections_and_topics_newest_first()
    {
        var (author, category, otherCategory) = (await app.AuthorAsync(), await app.CategoryAsync(), await app.CategoryAsync());
        var topic = TestNewsroom.Unique("Tidal Power");
        var byAuthor = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-3), author: author);
        var inSection = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-2), category: category);
        var onTopic = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-1), tags: topic);
        var unfollowed = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-30), category: otherCategory);
        var draft = await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = DateTime.UtcNow.AddMinutes(-20); }, author: author);
        var (reader, user) = await app.SignedInReaderAsync();
        using var session = reader;
        await FollowAsync(reader, $"/author/{author.Slug}");
        await FollowAsync(reader, $"/category/{category.Slug}");
        await FollowAsync(reader, $"/tag/{onTopic.Tags[0].Slug}");
        (await app.WithDbAsync(db => db.Follows.Where(f => f.UserId == user.Id).Select(f => f.Kind).ToListAsync()))
            .Order().ShouldBe([FollowKind.Author, FollowKind.Category, FollowKind.Tag]);

        var (response, page) = await reader.GetPageAsync("/following");

        ((int)response.StatusCode).ShouldBe(200);
        var titles = Titles(page.QuerySelector("main .feed")!);
        titles.ShouldBe([onTopic.Title, inSection.Title, byAuthor.Title]);
        titles.ShouldNotContain(unfollowed.Title);
        titles.ShouldNotContain(draft.Title);
        page.QuerySelectorAll("main .list-description a").Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/author/{author.Slug}", $"/category/{category.Slug}", $"/tag/{onTopic.Tags[0].Slug}"]);
        page.QuerySelector("main .empty").ShouldBeNull();
    }

    [Fact]
    public async Task Load_more_pages_the_feed_and_htmx_gets_the_rest_as_bare_items()
    {
        var (author, category) = (await app.AuthorAsync(), await app.CategoryAsync());
        var count = ArticleFeed.PageSize + 3;
        var articles = new List<Article>();
        for (var i = 0; i < count; i++)
        {
            var minutes = i;
            articles.Add(await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-10 - minutes), category, author));
        }
        var newestFirst = articles.Select(a => a.Title).ToList(); // made newest first
        var (reader, _) = await app.SignedInReaderAsync();
        using var session = reader;
        await FollowAsync(reader, $"/author/{author.Slug}");

        var (first, page1) = await reader.GetPageAsync("/following");

        ((int)first.StatusCode).ShouldBe(200);
        Titles(page1.QuerySelector("main .feed")!).ShouldBe(newestFirst[..ArticleFeed.PageSize]);
        var more = page1.QuerySelector("main .feed .load-more a")!;
        // The next page starts after the last story shown (a cursor, not an offset: Articles/FeedCursor).
        var next = more.GetAttribute("href")!;
        next.ShouldStartWith("/following?before=");
        more.GetAttribute("data-hx-get").ShouldBe(next);

        var (second, page2) = await reader.GetPageAsync(next, htmx: true);

        ((int)second.StatusCode).ShouldBe(200);
        var html = page2.Body!.InnerHtml;
        html.ShouldNotContain("site-header");
        html.ShouldNotContain("list-header");
        page2.Body.Children.ShouldAllBe(e => e.LocalName == "li");
        Titles(page2).ShouldBe(newestFirst[ArticleFeed.PageSize..]);
        page2.QuerySelector(".load-more").ShouldBeNull();
    }
}
