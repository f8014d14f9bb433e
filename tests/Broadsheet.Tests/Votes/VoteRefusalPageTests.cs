using AngleSharp;
using Broadsheet.Votes;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Votes;

/// <summary>Without JavaScript, a refused vote is a readable page that says why, in the site's layout; scripts still get problem+json.</summary>
[Trait("Category", "Integration")]
public sealed class VoteRefusalPageTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task A_browsers_plain_downvote_from_a_new_account_gets_a_page_saying_it_is_too_soon_and_counts_nothing()
    {
        var article = await app.ArticleAsync();
        var user = await app.UserAsync(); // joined just now
        using var reader = app.Reader();
        ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        var token = await reader.VoteTokenAsync(article.Slug);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{article.Slug}/vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "down" }),
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await reader.Http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(403);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()));
        page.QuerySelector(".error-page h1")!.TextContent.ShouldBe("We could not do that");
        page.QuerySelector(".error-page h1 + p")!.TextContent.ShouldBe("New accounts can downvote after 24 hours.");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
    }
}
