using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Host;

[Trait("Category", "Integration")]
public sealed class OperationsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = app.Client();
        foreach (var path in new[] { "/", "/articles/missing-story", "/css/site.css" })
        {
            var response = await client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("frame-ancestors 'none'");
            csp.ShouldContain("script-src 'self'");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        }
    }

    [Fact]
    public async Task The_opener_policy_isolates_every_signed_in_or_credential_page_and_is_left_off_anonymous_public_reading()
    {
        var article = await app.ArticleAsync();
        const string coop = "Cross-Origin-Opener-Policy";
        using var anonymous = app.Client();
        foreach (var path in new[] { "/", $"/articles/{article.Slug}", "/latest" })
            (await anonymous.GetAsync(path)).Headers.Contains(coop).ShouldBeFalse(path);
        foreach (var path in new[] { "/account/sign-in", "/account/sign-up", "/setup" })
            (await anonymous.GetAsync(path)).Headers.GetValues(coop).Single().ShouldBe("same-origin", path);

        // The same cached pages, signed in: the stored entry's headers must not decide.
        var (reader, _) = await app.SignedInReaderAsync();
        using (reader)
            foreach (var path in new[] { "/", $"/articles/{article.Slug}", "/account" })
            {
                var (response, _) = await reader.GetPageAsync(path);
                response.Headers.GetValues(coop).Single().ShouldBe("same-origin", path);
            }
        // And anonymous again, after signed-in readers were served those entries.
        (await anonymous.GetAsync($"/articles/{article.Slug}")).Headers.Contains(coop).ShouldBeFalse();
    }

    [Fact]
    public async Task Pages_are_compressed_when_the_client_accepts_it()
    {
        var article = await app.ArticleAsync();
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await client.SendAsync(request);

        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
    }
}

/// <summary>An app whose database is unreachable from the start.</summary>
public sealed class UnreachableDatabaseApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Database:MigrateOnStart", "false"),
        new("ConnectionStrings:Broadsheet", TestDatabase.IsPostgres
            ? "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2"
            : "Data Source=/nonexistent/folder/broadsheet.db;Mode=ReadWrite"),
    ];
}

[Trait("Category", "Integration")]
public sealed class UnreachableDatabaseTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Pages_fail_with_the_friendly_error_page_and_no_details()
    {
        var (response, page) = await app.GetPageAsync("/");
        // A server that refuses connections is an outage to wait out (503, see DatabaseOutageTests);
        // a SQLite file in a folder that does not exist is a misconfiguration (500).
        var (status, heading) = TestDatabase.IsPostgres
            ? (HttpStatusCode.ServiceUnavailable, "We will be right back")
            : (HttpStatusCode.InternalServerError, "Something went wrong on our side");
        response.StatusCode.ShouldBe(status);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
        page.Body!.TextContent.ShouldNotContain("Exception");
    }
}
