using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Front;

[Trait("Category", "Integration")]
public sealed class HomePageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Home_shows_the_lead_story_latest_a_section_per_category_and_most_viewed()
    {
        var category = await app.CategoryAsync("Island Life");
        var popular = await app.ArticleAsync(a => { a.ViewCount = 9_000_000; a.PublishedAt = DateTime.UtcNow.AddDays(-2); }, category);
        var old = await app.ArticleAsync(a => { a.ViewCount = 99_000_000; a.PublishedAt = DateTime.UtcNow.AddDays(-20); }, category);
        var lead = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddSeconds(-5), category);

        var (response, page) = await app.GetPageAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".lead-title a")!.GetAttribute("href").ShouldBe($"/articles/{lead.Slug}");
        page.QuerySelectorAll(".latest .card-title a").Select(a => a.TextContent).ShouldContain(popular.Title);
        var section = page.QuerySelector($"#section-{category.Slug}")!.Closest("section")!;
        section.QuerySelector("h2 a")!.TextContent.ShouldBe("Island Life");
        section.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ShouldBe([lead.Title, popular.Title, old.Title]);
        // Most viewed looks at the last week only, so a stale hit does not stay on top.
        var mostViewed = page.QuerySelectorAll(".most-viewed li a").Select(a => a.TextContent).ToList();
        mostViewed[0].ShouldBe(popular.Title);
        mostViewed.ShouldNotContain(old.Title);
        page.QuerySelector(".most-viewed li .count")!.TextContent.ShouldBe("9,000,000 Views");
        page.QuerySelector($"nav.sections a[href='/category/{category.Slug}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_page_has_the_search_box_account_links_and_social_footer()
    {
        var (_, page) = await app.GetPageAsync("/");

        page.QuerySelector("header form[role=search][action='/search'] input[name=q]").ShouldNotBeNull();
        page.QuerySelector("header a[href^='/account/sign-in']")!.TextContent.ShouldBe("Sign in");
        page.QuerySelector("header a[href^='/account/sign-up']")!.TextContent.ShouldBe("Sign up");
        page.QuerySelector("footer h2")!.TextContent.ShouldBe("Join Us");
        page.QuerySelectorAll("footer .social a").Select(a => a.TextContent).ShouldBe(["Facebook", "X", "Instagram", "Mastodon", "YouTube"]);
        page.QuerySelector("main#main").ShouldNotBeNull();
        page.QuerySelector("a.skip-link[href='#main']").ShouldNotBeNull();
    }
}
