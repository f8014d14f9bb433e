using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Sharing;

[Trait("Category", "Integration")]
public sealed class HeadMetadataTests(SharingApp app) : IClassFixture<SharingApp>
{
    private const string Base = SharingApp.BaseUrl;

    [Fact]
    public async Task A_story_with_a_picture_previews_as_a_large_card_with_its_article_facts()
    {
        var tag = TestNewsroom.Unique("Tides");
        var article = await app.ArticleWithPictureAsync(48, 30, tags: [tag, "Harbour"]);
        var canonical = $"{Base}/articles/{article.Slug}";
        var picture = $"{Base}/media/{article.ImagePath}";

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        page.DocumentElement.GetAttribute("lang").ShouldBe("en-GB");
        page.Canonical().ShouldBe(canonical);
        page.Meta("og:url").ShouldBe(canonical);
        page.Meta("og:site_name").ShouldBe("Broadsheet");
        page.Meta("og:title").ShouldBe(article.Title);
        page.Meta("og:description").ShouldBe(article.Standfirst);
        page.Meta("og:type").ShouldBe("article");
        page.Meta("og:image").ShouldBe(picture);
        page.Meta("og:image:alt").ShouldBe("Ferry at the harbour wall at dawn");
        page.Meta("og:image:width").ShouldBe("48");
        page.Meta("og:image:height").ShouldBe("30");
        DateTimeOffset.Parse(page.Meta("article:published_time")!).ShouldBe(new DateTimeOffset(article.PublishedAt!.Value, TimeSpan.Zero), TimeSpan.FromSeconds(1));
        DateTimeOffset.Parse(page.Meta("article:modified_time")!).ShouldBe(new DateTimeOffset(article.UpdatedAt, TimeSpan.Zero), TimeSpan.FromSeconds(1));
        page.Meta("article:section").ShouldBe(article.Category.Name);
        page.MetaAll("article:tag").ShouldBe(new[] { "Harbour", tag }, ignoreOrder: true);
        page.Meta("article:author").ShouldBe($"{Base}/author/{article.Author.Slug}");
        page.Meta("twitter:card").ShouldBe("summary_large_image");
        page.Meta("twitter:site").ShouldBe("@harbourdesk");
        page.Meta("twitter:title").ShouldBe(article.Title);
        page.Meta("twitter:description").ShouldBe(article.Standfirst);
        page.Meta("twitter:image").ShouldBe(picture);
    }

    [Fact]
    public async Task A_story_without_a_picture_or_standfirst_previews_with_the_logo_and_its_opening_words()
    {
        var article = await app.ArticleAsync(a => a.Standfirst = "");

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        page.Meta("og:image").ShouldBe($"{Base}/favicon.svg");
        page.Meta("og:image:width").ShouldBeNull();
        page.Meta("twitter:card").ShouldBe("summary");
        page.Meta("twitter:image").ShouldBe($"{Base}/favicon.svg");
        page.Meta("description").ShouldBe("The first sailing moves to seven o'clock. Commuters welcomed the change.");
        page.Meta("og:description").ShouldBe(page.Meta("description"));
        page.MetaAll("article:tag").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_front_page_is_a_website_with_the_sites_own_title_and_canonical()
    {
        var (_, page) = await app.GetPageAsync("/");

        page.Title.ShouldBe("Broadsheet: Independent news, told plainly.");
        page.Canonical().ShouldBe($"{Base}/");
        page.Meta("og:url").ShouldBe($"{Base}/");
        page.Meta("og:type").ShouldBe("website");
        page.Meta("og:title").ShouldBe("Broadsheet");
        page.Meta("og:description").ShouldBe("Independent news, told plainly.");
        page.Meta("og:image").ShouldBe($"{Base}/favicon.svg");
        page.Meta("twitter:card").ShouldBe("summary");
        page.Meta("article:published_time").ShouldBeNull();
    }

    [Fact]
    public async Task A_list_is_canonical_without_paging_on_page_one_and_with_it_after()
    {
        var category = await app.CategoryAsync("Harbour Life");
        for (var i = 0; i <= ArticleFeed.PageSize; i++) await app.ArticleAsync(category: category);
        var bare = $"{Base}/category/{category.Slug}";

        var (_, first) = await app.GetPageAsync($"/category/{category.Slug}");
        var (_, explicitFirst) = await app.GetPageAsync($"/category/{category.Slug}?page=1");
        var (second, page2) = await app.GetPageAsync($"/category/{category.Slug}?page=2");

        first.Canonical().ShouldBe(bare);
        first.Meta("og:url").ShouldBe(bare);
        first.Meta("og:title").ShouldBe("Harbour Life");
        first.Meta("og:type").ShouldBe("website");
        explicitFirst.Canonical().ShouldBe(bare);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        page2.Canonical().ShouldBe($"{bare}?page=2");
        page2.Meta("og:url").ShouldBe($"{bare}?page=2");
    }

    [Fact]
    public async Task An_error_page_has_previews_but_no_canonical()
    {
        var (response, page) = await app.GetPageAsync("/articles/no-such-story-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Canonical().ShouldBeNull();
        page.Meta("og:url").ShouldBeNull();
        page.Meta("og:site_name").ShouldBe("Broadsheet");
        page.Meta("og:title").ShouldBe(page.QuerySelector("h1")!.TextContent.Trim());
    }
}
