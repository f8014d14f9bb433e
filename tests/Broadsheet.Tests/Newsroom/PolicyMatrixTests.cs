using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Analytics;
using System.Net;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Each protected page against the roles on either side of its policy (Data/Identity/Policies.cs):
/// the wrong role meets 403 (signed out: the sign-in page), the right one the page. One row per
/// page and role, so a policy moved to a looser set fails its own row.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PolicyMatrixTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Theory]
    [InlineData("/newsroom", null, 302)]
    [InlineData("/newsroom", Roles.Reader, 403)]
    [InlineData("/newsroom", Roles.Author, 200)]
    [InlineData("/newsroom/articles", Roles.Reader, 403)]
    [InlineData("/newsroom/articles", Roles.Author, 200)]
    [InlineData("/newsroom/media", Roles.Reader, 403)]
    [InlineData("/newsroom/media", Roles.Author, 200)]
    [InlineData("/newsroom/comments", null, 302)]
    [InlineData("/newsroom/comments", Roles.Author, 403)]
    [InlineData("/newsroom/comments", Roles.Editor, 200)]
    [InlineData("/newsroom/analytics", Roles.Author, 403)]
    [InlineData("/newsroom/analytics", Roles.Editor, 200)]
    [InlineData("/newsroom/users", Roles.Editor, 403)]
    [InlineData("/newsroom/users", Roles.Admin, 200)]
    [InlineData("/newsroom/audit", Roles.Editor, 403)]
    [InlineData("/newsroom/audit", Roles.Admin, 200)]
    [InlineData("/newsroom/sections", Roles.Editor, 403)]
    [InlineData("/newsroom/sections", Roles.Admin, 200)]
    [InlineData("/newsroom/settings", Roles.Editor, 403)]
    [InlineData("/newsroom/settings", Roles.Admin, 200)]
    [InlineData("/newsroom/api-keys", null, 302)]
    [InlineData("/newsroom/api-keys", Roles.Editor, 403)]
    [InlineData("/newsroom/api-keys", Roles.Admin, 200)]
    public async Task A_protected_page_answers_by_the_role_of_whoever_asks(string path, string? role, int status)
    {
        using var session = role is null ? app.Reader() : (await app.SignedInReaderAsync(role)).Reader;
        var (response, _) = await session.GetPageAsync(path);
        ((int)response.StatusCode).ShouldBe(status, $"{path} as {role ?? "nobody"}");
        if (status == 302) new Uri(app.Address, response.Headers.Location!).AbsolutePath.ShouldBe("/account/sign-in");
    }

    /// <summary>The owner-or-editor policy with the story's author as the resource.</summary>
    [Theory]
    [InlineData("own author", 200)]
    [InlineData("other author", 403)]
    [InlineData(Roles.Editor, 200)]
    [InlineData(Roles.Admin, 200)]
    public async Task A_story_s_analytics_are_for_its_author_and_the_editors(string asker, int status)
    {
        var (author, byline) = await app.SignedInAuthorAsync();
        var story = await app.StoryAsync(byline, ArticleStatus.Published);
        using var session = asker switch
        {
            "own author" => author,
            "other author" => (await app.SignedInAuthorAsync()).Session,
            _ => (await app.SignedInReaderAsync(asker)).Reader,
        };
        var (response, _) = await session.GetPageAsync($"/newsroom/articles/{story.Id}/analytics");
        ((int)response.StatusCode).ShouldBe(status, asker);
        if (status == 403) response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
