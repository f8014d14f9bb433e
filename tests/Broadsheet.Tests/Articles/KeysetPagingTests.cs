using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// Lists page by cursor ("?before={ticks}-{id}") so a deep page costs what page 1 costs
/// (issue 15); the stories must be exactly those the old OFFSET pages held, ties included.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KeysetPagingTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static List<string> Slugs(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".feed .card-title a").Select(a => a.GetAttribute("href")!.Split('/').Last())];

    /// <summary>A section of 47 live stories, published four to an instant (ties), and a draft among them.</summary>
    private async Task<(Category Category, List<string> ByOffset)> SectionAsync()
    {
        var category = await app.CategoryAsync();
        var start = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < 47; i++)
        {
            var at = start.AddMinutes(-(i / 4));
            await app.ArticleAsync(a => a.PublishedAt = at, category);
        }
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = start; }, category);
        var now = DateTime.UtcNow;
        // The old definition: pages were Skip((n - 1) * 20).Take(20) of this order.
        var byOffset = await app.WithDbAsync(db => db.Articles.Live(now).Where(a => a.CategoryId == category.Id).Newest().Select(a => a.Slug).ToListAsync());
        byOffset.Count.ShouldBe(47);
        return (category, byOffset);
    }

    [Fact]
    public async Task Following_load_more_walks_the_same_stories_as_the_offset_pages_ties_included()
    {
        var (category, byOffset) = await SectionAsync();
        var walked = new List<string>();
        string? next = $"/category/{category.Slug}";
        var pages = 0;
        while (next is not null)
        {
            var (response, page) = await app.GetPageAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var slugs = Slugs(page);
            slugs.ShouldBe(byOffset.Skip(pages * ArticleFeed.PageSize).Take(ArticleFeed.PageSize), $"page {pages + 1}");
            walked.AddRange(slugs);
            next = page.QuerySelector(".load-more a")?.GetAttribute("href");
            if (next is not null) next.ShouldStartWith($"/category/{category.Slug}?before=");
            pages++;
        }
        pages.ShouldBe(3);
        walked.ShouldBe(byOffset);
    }

    [Fact]
    public async Task Old_page_numbers_still_answer_with_the_offset_pages_stories_and_link_on_by_cursor()
    {
        var (category, byOffset) = await SectionAsync();
        for (var n = 2; n <= 3; n++)
        {
            var (response, page) = await app.GetPageAsync($"/category/{category.Slug}?page={n}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Slugs(page).ShouldBe(byOffset.Skip((n - 1) * ArticleFeed.PageSize).Take(ArticleFeed.PageSize));
        }
        var (_, second) = await app.GetPageAsync($"/category/{category.Slug}?page=2");
        second.QuerySelector(".load-more a")!.GetAttribute("href")!.ShouldStartWith($"/category/{category.Slug}?before=");
        (await app.GetPageAsync($"/category/{category.Slug}?page=4")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_older_page_is_its_own_canonical_address_and_latest_pages_by_cursor_too()
    {
        var (category, _) = await SectionAsync();
        var (_, first) = await app.GetPageAsync($"/category/{category.Slug}");
        var more = first.QuerySelector(".load-more a")!.GetAttribute("href")!;
        var (_, older) = await app.GetPageAsync(more);
        older.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe($"{app.Address.ToString().TrimEnd('/')}{more}");

        var (_, latest) = await app.GetPageAsync("/latest");
        latest.QuerySelector(".load-more a")!.GetAttribute("href")!.ShouldStartWith("/latest?before=");
    }

    [Theory]
    [InlineData("?before=abc")]
    [InlineData("?before=")]
    [InlineData("?before=-1")]
    [InlineData("?before=638000000000000000")]
    [InlineData("?before=638000000000000000-0")]
    [InlineData("?before=638000000000000000-x")]
    [InlineData("?before=99999999999999999999-1")]
    [InlineData("?before=3155378976000000000-1")]
    [InlineData("?before=638000000000000000-1&before=638000000000000000-2")]
    [InlineData("?before=638000000000000000-1&page=2")]
    public async Task Malformed_cursors_are_a_bad_request(string query)
    {
        var category = await app.CategoryAsync();
        await app.ArticleAsync(category: category);
        var (response, page) = await app.GetPageAsync($"/category/{category.Slug}{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector("h1")!.TextContent.ShouldBe("That request did not make sense");
    }

    [Fact]
    public async Task A_cursor_older_than_every_story_is_not_found()
    {
        var category = await app.CategoryAsync();
        await app.ArticleAsync(category: category);
        var (response, _) = await app.GetPageAsync($"/category/{category.Slug}?before={new DateTime(2000, 1, 1).Ticks}-1");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
