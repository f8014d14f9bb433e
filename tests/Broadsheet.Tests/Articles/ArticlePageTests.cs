using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Articles;

[Trait("Category", "Integration")]
public sealed class ArticlePageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Article_page_shows_every_part_of_the_reference_page_with_real_counts()
    {
        var category = await app.CategoryAsync("Harbour Affairs");
        var author = await app.AuthorAsync("Ines Calloway");
        var article = await app.ArticleAsync(a =>
        {
            a.PublishedAt = DateTime.UtcNow.AddHours(-4).AddMinutes(-5);
            a.ViewCount = 12_345;
            a.Upvotes = 7;
            a.Downvotes = 2;
        }, category, author, TestNewsroom.Unique("Ferries"));
        await app.ArticleAsync(a => a.Title = "Pier repairs begin " + a.Slug[^8..], category);

        var (response, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe(article.Title);
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        page.QuerySelector($".kicker a[href='/category/{category.Slug}']")!.TextContent.ShouldBe("Harbour Affairs");
        page.QuerySelector($".byline a[href='/author/{author.Slug}']")!.TextContent.ShouldBe("Ines Calloway");
        var time = page.QuerySelector(".story-header time")!;
        time.GetAttribute("datetime").ShouldBe(article.PublishedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        time.TextContent.ShouldBe("4 hours ago");
        time.GetAttribute("title").ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector(".views")!.TextContent.ShouldBe("12,345 Views");
        page.QuerySelector(".votes")!.TextContent.ShouldBe("9 Votes: 7 Upvotes, 2 Downvotes (5 Points)");
        page.QuerySelector(".story-body strong")!.TextContent.ShouldBe("seven o'clock");
        page.QuerySelector(".tags a")!.GetAttribute("href").ShouldStartWith("/tag/ferries-");
        page.QuerySelector(".reading-time")!.TextContent.ShouldBe("1 min read");
        page.QuerySelectorAll(".related .card-title a").Select(a => a.TextContent).ShouldContain(t => t.StartsWith("Pier repairs begin"));
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe(new Uri(app.Address, $"/articles/{article.Slug}").ToString());
        page.Title.ShouldBe($"{article.Title} | Broadsheet");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").ShouldBe(article.Standfirst);
    }

    [Fact]
    public async Task Counts_on_the_page_follow_the_database_once_content_has_changed()
    {
        var article = await app.ArticleAsync();
        var (_, before) = await app.GetPageAsync($"/articles/{article.Slug}");
        before.QuerySelector(".views")!.TextContent.ShouldBe("0 Views");

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 1).SetProperty(a => a.Downvotes, 3)));
        // Until told, the page is served from the output cache: rendered once, not per request.
        var (_, cached) = await app.GetPageAsync($"/articles/{article.Slug}");
        cached.QuerySelector(".views")!.TextContent.ShouldBe("0 Views");

        await app.ContentChangedAsync();
        var (_, after) = await app.GetPageAsync($"/articles/{article.Slug}");

        after.QuerySelector(".views")!.TextContent.ShouldBe("1 View");
        after.QuerySelector(".votes")!.TextContent.ShouldBe("3 Votes: 0 Upvotes, 3 Downvotes (-3 Points)");
    }

    [Fact]
    public async Task The_counters_fragment_is_fresh_from_the_database_while_the_page_is_cached()
    {
        var article = await app.ArticleAsync();
        await app.GetPageAsync($"/articles/{article.Slug}");
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, 2_500).SetProperty(a => a.Upvotes, 4)));

        using var client = app.Client();
        var response = await client.GetAsync($"/articles/{article.Slug}/counters");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        html.ShouldContain("<span class=\"views\">2,500 Views</span>");
        html.ShouldContain("4 Votes: 4 Upvotes, 0 Downvotes (4 Points)");
        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
        page.QuerySelector(".views")!.TextContent.ShouldBe("0 Views"); // the cached copy, until its lifetime ends
    }

    [Fact]
    public async Task Counters_of_missing_or_unpublished_articles_are_not_found()
    {
        var draft = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);
        using var client = app.Client();

        (await client.GetAsync($"/articles/{draft.Slug}/counters")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/articles/no-such-story/counters")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/articles/Bad_Slug/counters")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    public async Task Articles_that_are_not_live_are_not_found(ArticleStatus status)
    {
        var article = await app.ArticleAsync(a => a.Status = status);

        var (response, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("We could not find that page");
    }

    [Fact]
    public async Task A_scheduled_article_appears_only_once_its_time_has_come()
    {
        var due = await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddMinutes(-1); });
        var future = await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddHours(3); });

        (await app.GetPageAsync($"/articles/{due.Slug}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.GetPageAsync($"/articles/{future.Slug}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/articles/no-such-story")]
    [InlineData("/articles/UPPER-case")]
    [InlineData("/articles/has%20space")]
    [InlineData("/articles/--")]
    [InlineData("/articles/%3Cscript%3E")]
    [InlineData("/articles/a..b")]
    [InlineData("/articles/%E2%80%AE")]
    public async Task Missing_or_malformed_slugs_get_a_friendly_404(string path)
    {
        var (response, page) = await app.GetPageAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.QuerySelector("a[href='/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_very_long_slug_is_not_found_rather_than_an_error()
    {
        var (response, _) = await app.GetPageAsync("/articles/" + new string('a', 5000));
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Script_in_the_markdown_never_reaches_the_page()
    {
        var article = await app.ArticleAsync(a => a.SetBody("Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"));

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        page.QuerySelectorAll(".story-body script").Length.ShouldBe(0);
        page.QuerySelector(".story-body img")?.HasAttribute("onerror").ShouldBeFalse();
        page.QuerySelector(".story-body a")?.GetAttribute("href").ShouldNotStartWith("javascript");
        var stored = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == article.Id));
        stored.BodyHtml.ShouldNotContain("<script");
    }
}
