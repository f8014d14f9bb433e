using Broadsheet.Tests.Fixtures;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom;

[Trait("Category", "Integration")]
public sealed class NewsroomNavigationTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static List<string> Links(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("nav.newsroom-nav a").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public async Task Only_the_newsroom_sees_the_newsroom_link_in_the_header()
    {
        var (reader, _) = await app.SignedInReaderAsync(Roles.Reader);
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        (await reader.GetPageAsync("/")).Page.QuerySelector("nav.account a[href='/newsroom']").ShouldBeNull();
        (await author.GetPageAsync("/")).Page.QuerySelector("nav.account a[href='/newsroom']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_newsroom_menu_offers_each_role_only_what_it_may_open()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        var editorLinks = Links((await editor.GetPageAsync("/newsroom/comments")).Page);
        editorLinks.ShouldContain("/newsroom/comments");
        editorLinks.ShouldNotContain("/newsroom/users");
        editorLinks.ShouldNotContain("/newsroom/api-keys");
        var page = (await admin.GetPageAsync("/newsroom/api-keys")).Page;
        Links(page).ShouldContain("/newsroom/users");
        Links(page).ShouldContain("/newsroom/audit");
        page.QuerySelector("nav.newsroom-nav a[aria-current=page]")!.GetAttribute("href").ShouldBe("/newsroom/api-keys");
    }
}
