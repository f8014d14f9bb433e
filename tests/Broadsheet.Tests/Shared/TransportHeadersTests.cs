using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Tests.Shared;

/// <summary>The app behind a proxy on the same box, as deployed: its public name is news.example.test.</summary>
public sealed class PublicNameApp : BroadsheetApp
{
    public const string Host = "news.example.test";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Site:BaseUrl", $"https://{Host}")];
}

[Trait("Category", "Integration")]
public sealed class TransportHeadersTests(PublicNameApp app) : IClassFixture<PublicNameApp>
{
    /// <summary>A request as nginx on loopback (a trusted proxy by default) forwards it.</summary>
    private async Task<HttpResponseMessage> ThroughProxyAsync(string path, string scheme)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicNameApp.Host;
        request.Headers.Add("X-Forwarded-Proto", scheme);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Hsts_is_sent_on_requests_that_reached_the_proxy_over_https_and_never_over_plain_http()
    {
        foreach (var path in new[] { "/", "/latest", "/no-such-page" })
        {
            var secure = await ThroughProxyAsync(path, "https");
            secure.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000; includeSubDomains"], path);

            var plain = await ThroughProxyAsync(path, "http");
            plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(path);
        }
    }

    [Fact]
    public async Task No_response_names_the_server_software()
    {
        using var client = app.Client();
        foreach (var path in new[] { "/", "/health", "/css/site.css", "/no-such-page", "/account/sign-in" })
        {
            var response = await client.GetAsync(path);
            response.Headers.Server.ShouldBeEmpty(path);
            response.Headers.Contains("Server").ShouldBeFalse(path);
        }
        var refused = await client.SendAsync(new HttpRequestMessage(new HttpMethod("BREW"), "/"));
        refused.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_wherever_the_sign_in_cookie_is()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();

        var (page, _) = await reader.GetPageAsync("/account/sign-in");
        var antiforgery = Cookies(page).Single(c => c.Name.ToString().StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var (signedIn, _) = await reader.SignInAsync(user.Email!);
        var session = Cookies(signedIn).Single(c => c.Name == AccountServices.AuthCookie);

        session.Secure.ShouldBeTrue();
        antiforgery.Secure.ShouldBe(session.Secure); // over plain http too: nothing to do with the request's scheme
        antiforgery.HttpOnly.ShouldBeTrue();
    }

    [Fact]
    public async Task The_comments_thread_and_every_page_that_answers_htmx_with_a_fragment_vary_by_hx_request()
    {
        var article = await app.ArticleAsync();
        using var reader = app.Reader();
        foreach (var path in new[] { $"/articles/{article.Slug}/comments", "/account/sign-in", "/latest", "/search?q=harbour" })
            foreach (var htmx in new[] { false, true })
            {
                var (response, _) = await reader.GetPageAsync(path, htmx);
                ((int)response.StatusCode).ShouldBe(200, path);
                response.Headers.Vary.ShouldContain("HX-Request", $"{path} htmx={htmx}");
                response.Headers.Vary.Count(v => v.Equals("HX-Request", StringComparison.OrdinalIgnoreCase)).ShouldBe(1, path);
            }

        using var client = app.Client();
        var file = await client.GetAsync("/css/site.css");
        file.Headers.Vary.ShouldNotContain("HX-Request"); // a file is the same for everyone
    }

    private static IEnumerable<SetCookieHeaderValue> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList([.. values]) : [];
}
