using Broadsheet.Tests.Api;
using Broadsheet.Votes;
using Broadsheet.Data;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Net;

namespace Broadsheet.Tests.Data;

/// <summary>
/// Issue 8: with PostgreSQL stopped, pages, the API and writes answer 503 with Retry-After and
/// no stack trace, nothing is reported saved, and the app recovers by itself once the server is
/// back. It needs a server to stop, so it runs in the PostgreSQL pass (Category=Integration with
/// BROADSHEET_TEST_PROVIDER=Postgres) and is skipped, saying why, in the SQLite pass. It stops a
/// cluster of its own, so no other test's database goes away.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DatabaseOutageTests
{
    [PostgresOnlyFact]
    public async Task While_the_database_is_down_requests_get_503_and_the_app_recovers_when_it_returns()
    {
        var server = PostgresServer.StartOwn();
        try
        {
            await using var app = new OutageApp(server);
            await app.InitializeAsync();
            var article = await app.ArticleAsync();
            var unseen = await app.ArticleAsync();
            var user = await app.UserAsync();
            using var reader = app.Reader();
            ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
            var token = await reader.VoteTokenAsync(article.Slug);
            // Keyed: without a key the API answers 401 before it needs the database (rate limits
            // are no longer kept there), which says nothing about outages.
            using var keyed = app.KeyedClient(await app.ApiKeyAsync());

            server.Halt();

            var (page, html) = await app.GetPageAsync($"/articles/{unseen.Slug}");
            ShouldBeAnOutage(page);
            html.QuerySelector("h1")!.TextContent.ShouldBe("We will be right back");
            html.QuerySelector("header")!.ShouldNotBeNull(); // the site's own layout, rendered without the database

            using var client = app.Client();
            var api = await keyed.GetAsync("/api/v1/articles");
            ShouldBeAnOutage(api);
            api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

            var (vote, _) = await reader.PostAsync($"/articles/{article.Slug}/vote",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" });
            ShouldBeAnOutage(vote);
            vote.Headers.Location.ShouldBeNull(); // not the redirect that means "counted"

            var health = await client.GetAsync("/health");
            ShouldBeAnOutage(health);
            (await health.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");

            server.Resume();
            var back = Stopwatch.StartNew();
            var status = HttpStatusCode.ServiceUnavailable;
            while (back.Elapsed < TimeSpan.FromSeconds(10) && status != HttpStatusCode.OK)
            {
                status = (await client.GetAsync($"/articles/{unseen.Slug}")).StatusCode;
                if (status != HttpStatusCode.OK) await Task.Delay(200);
            }
            status.ShouldBe(HttpStatusCode.OK, "the app should answer pages within 10 seconds of the database accepting connections");

            (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(0);
            (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Upvotes).SingleAsync())).ShouldBe(0);
        }
        finally
        {
            server.Stop();
        }
    }

    private static void ShouldBeAnOutage(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        body.ShouldNotContain("Npgsql");
        body.ShouldNotContain("   at ");
        body.ShouldNotContain("Exception");
    }

    /// <summary>The app over the test's own PostgreSQL cluster (the fixture's database on the shared one goes unused).</summary>
    private sealed class OutageApp(PostgresServer server) : BroadsheetApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("ConnectionStrings:Broadsheet", server.ConnectionStringFor("postgres"))];
    }
}
