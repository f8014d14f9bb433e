using AngleSharp.Dom;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Layout;

/// <summary>
/// The site chrome (Layout/) for each role: the header's account links (the "account" hole on a
/// shared page, the partial itself elsewhere), the newsroom menu, the sections navigation and the
/// footer. What the chrome shows by role comes from the same named policies as the gates, so each
/// row is one role on either side of a policy.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LayoutByRoleTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static List<string> Links(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)];

    private async Task<ReaderSession> SessionAsync(string? role) =>
        role is null ? app.Reader() : (await app.SignedInReaderAsync(role)).Reader;

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Reader, false)]
    [InlineData(Roles.Author, true)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    public async Task The_header_offers_the_newsroom_only_to_staff_on_shared_and_personal_pages(string? role, bool newsroom)
    {
        using var session = await SessionAsync(role);
        // "/" is a shared page (the account links are a hole filled per reader); /search is rendered for the reader.
        foreach (var path in new[] { "/", "/search" })
        {
            var (response, page) = await session.GetPageAsync(path);
            ((int)response.StatusCode).ShouldBe(200, path);
            var account = Links(page, "nav.account a");
            account.Contains("/newsroom").ShouldBe(newsroom, $"{path} as {role ?? "nobody"}");
            if (role is null)
            {
                account.ShouldContain(a => a.StartsWith("/account/sign-in", StringComparison.Ordinal), path);
                page.QuerySelector("nav.account form[action='/account/sign-out']").ShouldBeNull(path);
            }
            else
            {
                account.ShouldContain("/following", path);
                page.QuerySelector("nav.account form[action='/account/sign-out']").ShouldNotBeNull(path);
                account.ShouldNotContain(a => a.StartsWith("/account/sign-in", StringComparison.Ordinal), path);
            }
        }
    }

    [Theory]
    [InlineData(Roles.Author, "/newsroom/articles /newsroom/media", "/newsroom/comments /newsroom/users")]
    [InlineData(Roles.Editor, "/newsroom/articles /newsroom/comments /newsroom/analytics /newsroom/pages", "/newsroom/users /newsroom/api-keys /newsroom/audit")]
    [InlineData(Roles.Admin, "/newsroom/comments /newsroom/users /newsroom/audit /newsroom/settings /newsroom/api-keys", "")]
    public async Task The_newsroom_menu_offers_each_role_only_what_it_may_open(string role, string offered, string withheld)
    {
        using var session = await SessionAsync(role);
        var (response, page) = await session.GetPageAsync("/newsroom");
        ((int)response.StatusCode).ShouldBe(200);
        var menu = Links(page, "nav.newsroom-nav a");
        foreach (var href in offered.Split(' ', StringSplitOptions.RemoveEmptyEntries)) menu.ShouldContain(href, role);
        foreach (var href in withheld.Split(' ', StringSplitOptions.RemoveEmptyEntries)) menu.ShouldNotContain(href, role);
        page.QuerySelector("nav.newsroom-nav a[aria-current=page]")!.GetAttribute("href").ShouldBe("/newsroom");
    }

    [Fact]
    public async Task A_reader_refused_a_newsroom_page_gets_no_newsroom_menu()
    {
        using var reader = await SessionAsync(Roles.Reader);
        var (response, page) = await reader.GetPageAsync("/newsroom/comments");
        ((int)response.StatusCode).ShouldBe(403);
        page.QuerySelector("nav.newsroom-nav").ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Admin)]
    public async Task Every_role_gets_the_same_sections_navigation_and_footer(string? role)
    {
        var section = await app.CategoryAsync();
        await app.ContentChangedAsync(); // the navigation keeps a copy until content changes
        using var session = await SessionAsync(role);

        var (_, page) = await session.GetPageAsync("/latest");

        Links(page, "nav.sections a").ShouldContain($"/category/{section.Slug}");
        page.QuerySelector("footer.site-footer .colophon").ShouldNotBeNull();
        page.QuerySelector("footer.site-footer")!.InnerHtml.ShouldBe((await app.GetPageAsync("/latest")).Page.QuerySelector("footer.site-footer")!.InnerHtml);
    }
}
