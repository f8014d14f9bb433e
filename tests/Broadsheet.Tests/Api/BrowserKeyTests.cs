using Broadsheet.Api;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Api;

/// <summary>Browser keys (Ghost's public Content API key): public, read-only, answered only for pages on their own sites, with CORS for those.</summary>
[Trait("Category", "Integration")]
public sealed class BrowserKeyTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Site = "https://reader.example.test";

    private async Task<string> BrowserKeyAsync(params string[] origins)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync("Widget", null, ApiKeyKind.Browser, origins, default);
    }

    private async Task<HttpResponseMessage> FromPageAsync(string key, string? origin)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/categories?limit=1&key={key}");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_browser_key_answers_pages_on_its_sites_with_cors_and_refuses_any_other_caller()
    {
        var key = await BrowserKeyAsync(Site, "https://www.partner.example.test");

        using var ours = await FromPageAsync(key, Site);
        ((int)ours.StatusCode).ShouldBe(200);
        ours.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(Site);
        ours.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("ETag");
        ours.Headers.Vary.ShouldContain("Origin");
        ours.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
        using var partner = await FromPageAsync(key, "https://www.partner.example.test");
        ((int)partner.StatusCode).ShouldBe(200);

        foreach (var elsewhere in new[] { "https://evil.example.test", null })
        {
            using var refused = await FromPageAsync(key, elsewhere);
            ((int)refused.StatusCode).ShouldBe(403);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("browser key");
            refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
            refused.Headers.CacheControl!.NoStore.ShouldBeTrue();
        }

        // A server key is unchanged: any caller, and CORS only for Api:Cors:Origins.
        using var server = await FromPageAsync(await app.ApiKeyAsync(), "https://evil.example.test");
        ((int)server.StatusCode).ShouldBe(200);
        server.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task An_admin_makes_a_browser_key_for_listed_sites_and_a_bad_site_is_refused()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        using var _a = admin;
        const string Page = "/newsroom/api-keys";

        var (created, page) = await admin.SubmitAsync(Page, $"{Page}?handler=Create", new Dictionary<string, string>
        {
            ["name"] = "Partner widget", ["kind"] = "browser", ["origins"] = $"{Site}/\r\nhttps://www.partner.example.test",
        });
        ((int)created.StatusCode).ShouldBe(200);
        ApiKeyFormat.TryGetPrefix(page.QuerySelector("#new-key")!.GetAttribute("value")!, out var prefix).ShouldBeTrue();
        var row = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == prefix));
        (row.Kind, row.Origins).ShouldBe((ApiKeyKind.Browser, $"{Site} https://www.partner.example.test"));

        var before = await app.WithDbAsync(db => db.ApiKeys.CountAsync());
        foreach (var origins in new[] { "", "https://reader.example.test/widgets", "ftp://reader.example.test" })
        {
            var (refused, again) = await admin.SubmitAsync(Page, $"{Page}?handler=Create", new Dictionary<string, string>
            {
                ["name"] = "Bad widget", ["kind"] = "browser", ["origins"] = origins,
            });
            ((int)refused.StatusCode).ShouldBe(422, origins);
            again.QuerySelector(".create-key .form-error")!.TextContent.ShouldContain("origin");
        }
        (await app.WithDbAsync(db => db.ApiKeys.CountAsync())).ShouldBe(before);
    }
}
