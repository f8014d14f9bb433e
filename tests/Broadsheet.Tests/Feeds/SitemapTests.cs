using Broadsheet.Articles;
using Broadsheet.Feeds;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Xml.Linq;

namespace Broadsheet.Tests.Feeds;

[Trait("Category", "Integration")]
public sealed class SitemapTests(SmallSitemapApp app) : IClassFixture<SmallSitemapApp>
{
    private const int PageSize = 2;
    private static readonly XNamespace S = SitemapSchemas.Ns;
    private static readonly XNamespace N = SitemapSchemas.News;

    private string Url(string path) => new Uri(app.Address, path).ToString();

    private async Task<string> TextAsync(string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/xml; charset=utf-8");
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Locs(string xml) => [.. XDocument.Parse(xml).Descendants(S + "loc").Select(l => l.Value)];

    [Fact]
    public async Task Index_pages_every_live_article_in_id_order_and_each_file_passes_the_schema()
    {
        for (var i = 0; i < 5; i++) await app.ArticleAsync();
        await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);
        var liveSlugs = await app.WithDbAsync(db => db.Articles.Live(DateTime.UtcNow).OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync());
        var pages = (liveSlugs.Count + PageSize - 1) / PageSize;

        var index = await TextAsync("/sitemap.xml");
        SitemapSchemas.ShouldBeValidIndex(index);
        Locs(index).ShouldBe([Url("/sitemaps/sections.xml"), .. Enumerable.Range(1, pages).Select(n => Url($"/sitemaps/articles-{n}.xml"))]);
        XDocument.Parse(index).Descendants(S + "lastmod").Count().ShouldBe(pages + 1);

        var listed = new List<string>();
        for (var n = 1; n <= pages; n++)
        {
            var page = await TextAsync($"/sitemaps/articles-{n}.xml");
            SitemapSchemas.ShouldBeValidUrlset(page);
            Locs(page).Count.ShouldBe(n < pages ? PageSize : liveSlugs.Count - PageSize * (pages - 1));
            listed.AddRange(Locs(page));
        }
        listed.ShouldBe(liveSlugs.Select(s => Url($"/articles/{s}")));

        using var client = app.Client();
        (await client.GetAsync($"/sitemaps/articles-{pages + 1}.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-01.xml")]
    [InlineData("/sitemaps/articles--1.xml")]
    [InlineData("/sitemaps/articles-two.xml")]
    [InlineData("/sitemaps/articles-99999999999.xml")]
    [InlineData("/sitemaps/other-1.xml")]
    public async Task Malformed_sitemap_pages_are_a_404(string path)
    {
        await app.ArticleAsync();
        var (response, page) = await app.GetPageAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1").ShouldNotBeNull();
    }

    [Fact]
    public async Task Sections_sitemap_lists_home_latest_sections_and_the_active_authors_and_tags()
    {
        var category = await app.CategoryAsync();
        var emptyCategory = await app.CategoryAsync();
        var author = await app.AuthorAsync();
        var draftsOnly = await app.AuthorAsync();
        var story = await app.ArticleAsync(a => a.UpdatedAt = DateTime.UtcNow.AddMinutes(-7), category, author, TestNewsroom.Unique("Quays"));
        await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, category, draftsOnly);

        var xml = await TextAsync("/sitemaps/sections.xml");

        SitemapSchemas.ShouldBeValidUrlset(xml);
        var urls = XDocument.Parse(xml).Descendants(S + "url")
            .ToDictionary(u => u.Element(S + "loc")!.Value, u => u.Element(S + "lastmod")?.Value);
        urls.Keys.ShouldContain(Url("/"));
        urls.Keys.ShouldContain(Url("/latest"));
        var lastmod = FeedDates.Rfc3339(story.UpdatedAt);
        urls[Url($"/category/{category.Slug}")].ShouldBe(lastmod);
        urls[Url($"/author/{author.Slug}")].ShouldBe(lastmod);
        urls[Url($"/tag/{story.Tags[0].Slug}")].ShouldBe(lastmod);
        urls[Url($"/category/{emptyCategory.Slug}")].ShouldBeNull();
        urls.Keys.ShouldNotContain(Url($"/author/{draftsOnly.Slug}"));
    }

    [Fact]
    public async Task News_sitemap_holds_the_last_two_days_with_publication_date_and_title()
    {
        var recent = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-1));
        var old = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddDays(-3));
        var draft = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);

        var xml = XDocument.Parse(await TextAsync("/news-sitemap.xml"));

        xml.Root!.Name.ShouldBe(S + "urlset");
        var byLoc = xml.Root.Elements(S + "url").ToDictionary(u => u.Element(S + "loc")!.Value);
        byLoc.Keys.ShouldNotContain(Url($"/articles/{old.Slug}"));
        byLoc.Keys.ShouldNotContain(Url($"/articles/{draft.Slug}"));
        var news = byLoc[Url($"/articles/{recent.Slug}")].Element(N + "news")!;
        news.Elements().Select(e => e.Name.LocalName).ShouldBe(["publication", "publication_date", "title"]);
        news.Element(N + "publication")!.Elements().Select(e => (e.Name, e.Value)).ShouldBe([(N + "name", "Broadsheet"), (N + "language", "en")]);
        news.Element(N + "publication_date")!.Value.ShouldBe(FeedDates.Rfc3339(recent.PublishedAt!.Value));
        news.Element(N + "title")!.Value.ShouldBe(recent.Title);
    }
}
