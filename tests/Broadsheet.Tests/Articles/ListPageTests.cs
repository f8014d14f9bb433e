using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Articles;

[Trait("Category", "Integration")]
public sealed class ListPageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Category_page_lists_its_live_articles_newest_first_and_pages_with_load_more()
    {
        var category = await app.CategoryAsync("Coastal Towns");
        for (var i = 0; i < ArticleFeed.PageSize + 3; i++)
        {
            var minutes = i;
            await app.ArticleAsync(a => { a.Title = $"Coastal story {minutes:00} {a.Slug[^6..]}"; a.PublishedAt = DateTime.UtcNow.AddMinutes(-10 - minutes); }, category);
        }
        await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, category);

        var (first, page1) = await app.GetPageAsync($"/category/{category.Slug}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        page1.QuerySelector("h1")!.TextContent.ShouldBe("Coastal Towns");
        var titles = page1.QuerySelectorAll(".feed .card-title a").Select(a => a.TextContent).ToList();
        titles.Count.ShouldBe(ArticleFeed.PageSize);
        titles[0].ShouldStartWith("Coastal story 00");
        titles.ShouldBe(titles.OrderBy(t => t).ToList());
        var more = page1.QuerySelector(".load-more a")!;
        // "Load more" starts after the last card shown (issue 15's keyset paging); ?page=2 still answers.
        more.GetAttribute("href")!.ShouldStartWith($"/category/{category.Slug}?before=");
        more.GetAttribute("data-hx-get").ShouldBe(more.GetAttribute("href"));
        more.TextContent.ShouldContain("Loading…");

        var (second, page2) = await app.GetPageAsync($"/category/{category.Slug}?page=2");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        page2.QuerySelectorAll(".feed .card-title a").Length.ShouldBe(3);
        page2.QuerySelector(".load-more").ShouldBeNull();
    }

    [Fact]
    public async Task Load_more_asked_by_htmx_returns_only_the_next_items()
    {
        var category = await app.CategoryAsync();
        for (var i = 0; i < ArticleFeed.PageSize + 1; i++) await app.ArticleAsync(category: category);
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/category/{category.Slug}?page=2");
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Vary.ShouldContain("HX-Request");
        html.ShouldNotContain("<html");
        html.Split("class=\"card\"").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Author_and_tag_pages_list_their_articles()
    {
        var author = await app.AuthorAsync("Tomas Rivenhall");
        var tag = TestNewsroom.Unique("Lighthouses");
        var tagged = await app.ArticleAsync(author: author, tags: tag);
        var untagged = await app.ArticleAsync();

        var (_, authorPage) = await app.GetPageAsync($"/author/{author.Slug}");
        authorPage.QuerySelector("h1")!.TextContent.ShouldBe("Tomas Rivenhall");
        authorPage.QuerySelectorAll(".feed .card-title a").Select(a => a.TextContent).ShouldBe([tagged.Title]);

        var (_, tagPage) = await app.GetPageAsync($"/tag/{tagged.Tags[0].Slug}");
        tagPage.QuerySelector("h1")!.TextContent.ShouldBe(tag);
        var titles = tagPage.QuerySelectorAll(".feed .card-title a").Select(a => a.TextContent).ToList();
        titles.ShouldBe([tagged.Title]);
        titles.ShouldNotContain(untagged.Title);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task Malformed_page_numbers_are_a_bad_request(string page)
    {
        var category = await app.CategoryAsync();

        var (response, html) = await app.GetPageAsync($"/category/{category.Slug}?page={page}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.QuerySelector("h1")!.TextContent.ShouldBe("That request did not make sense");
    }

    [Fact]
    public async Task A_page_past_the_end_is_not_found()
    {
        var category = await app.CategoryAsync();
        await app.ArticleAsync(category: category);

        (await app.GetPageAsync($"/category/{category.Slug}?page=2")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.GetPageAsync($"/category/{category.Slug}?page=10001")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/category/no-such-section")]
    [InlineData("/author/nobody-here")]
    [InlineData("/tag/never-used")]
    [InlineData("/category/Bad_Slug")]
    public async Task Unknown_lists_are_not_found(string path) =>
        (await app.GetPageAsync(path)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Latest_lists_every_live_story()
    {
        var word = TestNewsroom.Unique("zephyrine");
        // The newest story in this class's database, so it is on the first page of /latest.
        var article = await app.ArticleAsync(a => { a.Title = $"Council backs {word} tram plan"; a.PublishedAt = DateTime.UtcNow.AddSeconds(-2); });

        var (_, latest) = await app.GetPageAsync("/latest");
        latest.QuerySelectorAll(".feed .card-title a").Select(a => a.TextContent).ShouldContain(article.Title);
    }
}
