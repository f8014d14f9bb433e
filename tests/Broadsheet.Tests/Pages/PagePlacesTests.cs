using Broadsheet.Pages;
using Broadsheet.Tests.Fixtures;
using System.Xml.Linq;

namespace Broadsheet.Tests.Pages;

/// <summary>Where readers and crawlers find pages: the menu, the footer and the sitemap; never the feeds.</summary>
[Trait("Category", "Integration")]
public sealed class PagePlacesTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_menu_and_footer_list_their_published_pages_in_order_and_leave_out_drafts()
    {
        var second = await app.PageAsync(p => (p.InMenu, p.InFooter, p.Position) = (true, true, 20));
        var first = await app.PageAsync(p => (p.InMenu, p.Position) = (true, 10));
        var footerOnly = await app.PageAsync(p => (p.InFooter, p.Position) = (true, 15));
        var draft = await app.PageAsync(p => (p.InMenu, p.InFooter, p.Status) = (true, true, PageStatus.Draft));
        var nowhere = await app.PageAsync();

        var (_, home) = await app.GetPageAsync("/");
        var menu = home.QuerySelectorAll("nav.sections a").Select(a => a.GetAttribute("href")).Where(h => h!.StartsWith("/pages/")).ToList();
        var footer = home.QuerySelectorAll("footer nav.footer-pages a").Select(a => a.GetAttribute("href")).ToList();
        // Other tests' pages may be there too: only the order of this test's own pages is asserted.
        menu.Where(h => h == $"/pages/{first.Slug}" || h == $"/pages/{second.Slug}").ShouldBe([$"/pages/{first.Slug}", $"/pages/{second.Slug}"]);
        footer.Where(h => h == $"/pages/{footerOnly.Slug}" || h == $"/pages/{second.Slug}").ShouldBe([$"/pages/{footerOnly.Slug}", $"/pages/{second.Slug}"]);
        menu.ShouldNotContain($"/pages/{footerOnly.Slug}");
        menu.Concat(footer).ShouldNotContain($"/pages/{draft.Slug}");
        menu.Concat(footer).ShouldNotContain($"/pages/{nowhere.Slug}");
    }

    [Fact]
    public async Task A_published_page_is_in_the_sitemap_and_a_draft_is_not()
    {
        var live = await app.PageAsync();
        var draft = await app.PageAsync(p => p.Status = PageStatus.Draft);
        using var client = app.Client();

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        index.Descendants(Sm + "loc").Select(l => new Uri(l.Value).AbsolutePath).ShouldContain("/sitemaps/pages.xml");

        var file = XDocument.Parse(await client.GetStringAsync("/sitemaps/pages.xml"));
        var paths = file.Descendants(Sm + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        paths.ShouldContain($"/pages/{live.Slug}");
        paths.ShouldNotContain($"/pages/{draft.Slug}");
    }

    [Fact]
    public async Task A_published_page_is_in_no_feed()
    {
        var live = await app.PageAsync(p => p.Title = $"Feedless page {Guid.NewGuid():N}"[..22]);
        using var client = app.Client();
        foreach (var feed in new[] { "/feed", "/feed/atom", "/news-sitemap.xml" })
        {
            var (response, text) = (await client.GetAsync(feed), "");
            ((int)response.StatusCode).ShouldBe(200, feed);
            text = await response.Content.ReadAsStringAsync();
            text.ShouldNotContain($"/pages/{live.Slug}");
            text.ShouldNotContain(live.Title);
        }
    }
}
