using Broadsheet.Tests.Fixtures;
using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Sharing;

[Trait("Category", "Integration")]
public sealed class JsonLdTests(SharingApp app) : IClassFixture<SharingApp>
{
    private const string Base = SharingApp.BaseUrl;

    private static DateTimeOffset ToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [Fact]
    public async Task A_story_with_a_picture_is_a_complete_NewsArticle_with_its_breadcrumb_trail()
    {
        var tag = TestNewsroom.Unique("Ferries");
        var article = await app.ArticleWithPictureAsync(64, 36, a => a.UpdatedAt = (a.SubstantiveUpdateAt = a.PublishedAt!.Value.AddMinutes(42)).Value, tag, "Harbour");
        var canonical = $"{Base}/articles/{article.Slug}";

        var (response, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ld = page.JsonLd();
        ld.Keys.ShouldBe(["NewsArticle", "BreadcrumbList"], ignoreOrder: true);
        var news = ld["NewsArticle"];
        news.Str("@context").ShouldBe("https://schema.org");
        news.Str("headline").ShouldBe(article.Title);
        news.Str("description").ShouldBe(article.Standfirst);
        DateTimeOffset.Parse(news.Str("datePublished")).ShouldBe(ToSecond(article.PublishedAt!.Value));
        DateTimeOffset.Parse(news.Str("dateModified")).ShouldBe(ToSecond(article.UpdatedAt));
        news.Str("datePublished").ShouldEndWith("+00:00");
        news.Str("author", "@type").ShouldBe("Person");
        news.Str("author", "name").ShouldBe(article.Author.DisplayName);
        news.Str("author", "url").ShouldBe($"{Base}/author/{article.Author.Slug}");
        news.Str("publisher", "@type").ShouldBe("Organization");
        news.Str("publisher", "name").ShouldBe("Broadsheet");
        news.Str("publisher", "url").ShouldBe($"{Base}/");
        news.Str("publisher", "logo", "@type").ShouldBe("ImageObject");
        news.Str("publisher", "logo", "url").ShouldBe($"{Base}/favicon.svg");
        news.Str("image", "url").ShouldBe($"{Base}/media/{article.ImagePath}");
        news.GetProperty("image").GetProperty("width").GetInt32().ShouldBe(64);
        news.GetProperty("image").GetProperty("height").GetInt32().ShouldBe(36);
        news.Str("articleSection").ShouldBe(article.Category.Name);
        news.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).ShouldBe(new[] { "Harbour", tag }.Order(StringComparer.Ordinal), ignoreOrder: true);
        news.Str("mainEntityOfPage", "@type").ShouldBe("WebPage");
        news.Str("mainEntityOfPage", "@id").ShouldBe(canonical);
        news.Str("url").ShouldBe(canonical);
        news.Str("inLanguage").ShouldBe("en-GB");
        news.GetProperty("wordCount").GetInt32().ShouldBe(11);
        news.Str("timeRequired").ShouldBe("PT1M");

        var crumbs = ld["BreadcrumbList"].GetProperty("itemListElement").EnumerateArray().ToList();
        crumbs.Select(c => c.GetProperty("position").GetInt32()).ShouldBe([1, 2, 3]);
        crumbs.Select(c => c.Str("item")).ShouldBe([$"{Base}/", $"{Base}/category/{article.Category.Slug}", canonical]);
        crumbs.Select(c => c.Str("name")).ShouldBe(["Home", article.Category.Name, article.Title]);

        // The picture named in the JSON-LD is the file the app serves.
        using var client = app.Client();
        var served = await client.GetByteArrayAsync($"/media/{article.ImagePath}");
        served.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(app.MediaFolder, article.ImagePath!)));
    }

    [Fact]
    public async Task A_story_without_a_picture_has_no_image_and_a_headline_cut_to_110_characters()
    {
        var longTitle = "Harbour board agrees a ten year plan for the ferry terminal, the slipway, the fish market and the old customs house";
        var article = await app.ArticleAsync(a => a.Title = longTitle);

        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        var news = page.JsonLd()["NewsArticle"];
        news.TryGetProperty("image", out _).ShouldBeFalse();
        news.Str("headline").ShouldBe("Harbour board agrees a ten year plan for the ferry terminal, the slipway, the fish market and the old customs…");
        news.Str("headline").Length.ShouldBeLessThanOrEqualTo(110);
        page.JsonLd()["BreadcrumbList"].GetProperty("itemListElement")[2].Str("name").ShouldBe(longTitle);
    }

    [Fact]
    public async Task A_hostile_title_cannot_end_the_script_element_and_round_trips_exactly()
    {
        const string hostile = "</script><script>alert('x')</script> <!-- & \"quoted\" </SCRIPT >";
        var article = await app.ArticleAsync(a => { a.Title = hostile; a.Standfirst = "Ends here </script>"; });

        using var client = app.Client();
        var html = await client.GetStringAsync($"/articles/{article.Slug}");
        var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");

        html.ShouldNotContain("<script>alert");
        page.QuerySelectorAll("script").Where(s => s.TextContent.Contains("alert")).ShouldAllBe(s => s.GetAttribute("type") == "application/ld+json");
        var ld = page.JsonLd();
        ld["NewsArticle"].Str("headline").ShouldBe(hostile);
        ld["NewsArticle"].Str("description").ShouldBe("Ends here </script>");
        ld["BreadcrumbList"].GetProperty("itemListElement")[2].Str("name").ShouldBe(hostile);
        page.QuerySelector("h1")!.TextContent.ShouldBe(hostile);
        page.Meta("og:title").ShouldBe(hostile);
    }

    [Fact]
    public async Task The_front_page_describes_the_organisation_and_the_site_search()
    {
        await app.ArticleAsync();

        var (_, page) = await app.GetPageAsync("/");

        var ld = page.JsonLd();
        ld.Keys.ShouldBe(["Organization", "WebSite"], ignoreOrder: true);
        var org = ld["Organization"];
        org.Str("name").ShouldBe("Broadsheet");
        org.Str("url").ShouldBe($"{Base}/");
        org.Str("logo", "url").ShouldBe($"{Base}/favicon.svg");
        org.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()).ShouldBe(
            ["https://www.facebook.com/", "https://x.com/", "https://www.instagram.com/", "https://mastodon.social/", "https://www.youtube.com/"]);
        var site = ld["WebSite"];
        site.Str("name").ShouldBe("Broadsheet");
        site.Str("url").ShouldBe($"{Base}/");
        site.Str("potentialAction", "@type").ShouldBe("SearchAction");
        site.Str("potentialAction", "target").ShouldBe($"{Base}/search?q={{search_term_string}}");
        site.Str("potentialAction", "query-input").ShouldBe("required name=search_term_string");
    }

    [Fact]
    public async Task List_pages_carry_no_json_ld()
    {
        var article = await app.StoryAsync();

        var (_, page) = await app.GetPageAsync($"/category/{article.Category.Slug}");

        page.QuerySelectorAll("script[type='application/ld+json']").ShouldBeEmpty();
    }
}
