using Broadsheet.Feeds;
using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Feeds;

[Trait("Category", "Integration")]
public sealed class ConfiguredFeedTests(ConfiguredFeedApp app) : IClassFixture<ConfiguredFeedApp>
{
    [Fact]
    public async Task Summary_feeds_carry_the_standfirst_only_with_links_on_the_configured_address()
    {
        var category = await app.CategoryAsync();
        for (var i = 0; i < 4; i++) await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-10 - i), category);
        var newest = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-1), category);

        var (_, rss) = await app.FeedAsync($"/category/{category.Slug}/feed");
        var (_, atom) = await app.FeedAsync($"/category/{category.Slug}/feed/atom");

        foreach (var feed in new[] { rss, atom })
        {
            feed.Items.Count().ShouldBe(3, "Feeds:Items");
            feed.Title.Text.ShouldEndWith("| The Harbour Gazette");
            feed.Language.ShouldBe("fr");
            var item = feed.Item(newest.Title);
            item.Id.ShouldBe($"{ConfiguredFeedApp.BaseUrl}/articles/{newest.Slug}");
            item.Summary.Text.ShouldBe(newest.Standfirst);
            item.Content.ShouldBeNull();
        }
        rss.Item(newest.Title).Extension("encoded", RssWriter.ContentNs).ShouldBeNull();
    }

    [Fact]
    public async Task Robots_txt_takes_its_rules_and_extra_lines_from_configuration()
    {
        using var client = app.Client();
        var text = await client.GetStringAsync("/robots.txt");

        text.ShouldBe(
            """
            User-agent: *
            Disallow: /drafts/

            Sitemap: https://news.example.org/sitemap.xml
            Sitemap: https://news.example.org/news-sitemap.xml

            User-agent: ExampleBot
            Disallow: /

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task News_sitemap_names_the_publication_and_its_language()
    {
        var story = await app.ArticleAsync();

        var (_, xml) = await app.XmlAsync("/news-sitemap.xml");

        var url = xml.Root!.Elements(SitemapSchemas.Ns + "url")
            .Single(u => u.Element(SitemapSchemas.Ns + "loc")!.Value == $"{ConfiguredFeedApp.BaseUrl}/articles/{story.Slug}");
        var publication = url.Element(SitemapSchemas.News + "news")!.Element(SitemapSchemas.News + "publication")!;
        publication.Element(SitemapSchemas.News + "name")!.Value.ShouldBe("The Harbour Gazette");
        publication.Element(SitemapSchemas.News + "language")!.Value.ShouldBe("fr");
    }
}
