using Broadsheet.RateLimits;
using Broadsheet.Shared;
using Broadsheet.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Accounts;

/// <summary>Three tries per window on every account form, so the fourth is refused.</summary>
public sealed class TightLimitsApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        new[] { "sign-in", "sign-up", "reset", "sign-in-link" }.Select(p => new KeyValuePair<string, string>($"RateLimits:{p}:Permits", "3"));
}

[Trait("Category", "Integration")]
public sealed class RateLimitTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    private static int nextClient;

    /// <summary>A client address of the test's own, sent the way a trusted proxy (loopback) forwards it.</summary>
    private static string Client() => $"203.0.113.{Interlocked.Increment(ref nextClient)}";

    private static async Task<HttpResponseMessage> PostAsync(BroadsheetApp app, string page, string ip, Dictionary<string, string> fields, bool htmx = false)
    {
        using var reader = app.Reader();
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return (await reader.SubmitAsync(page, page, fields, htmx)).Response;
    }

    public static TheoryData<string, string> Forms => new()
    {
        { "/account/sign-in", "Input.Password" },
        { "/account/sign-up", "Input.DisplayName" },
        { "/account/forgot-password", "Input.Email" },
        { "/account/sign-in-link", "Input.Email" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_fourth_post_from_one_address_gets_429_with_retry_after(string page, string field)
    {
        var ip = Client();
        var fields = new Dictionary<string, string> { ["Input.Email"] = TestReaders.Email(), [field] = "x" };
        for (var i = 0; i < 3; i++) ((int)(await PostAsync(app, page, ip, fields)).StatusCode).ShouldNotBe(429);

        var refused = await PostAsync(app, page, ip, fields);
        ((int)refused.StatusCode).ShouldBe(429);
        // Until the weighted count has room again: within two of the policy's windows (sign-up's is an hour).
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 7200);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Slow down");
        app.Services.GetRequiredService<MemoryLimitCounters>().Hits(k => k.Contains("|" + ip + "|")).ShouldBe(4);
    }

    [Fact]
    public async Task Another_address_is_not_held_back_by_the_first()
    {
        var first = Client();
        var fields = new Dictionary<string, string> { ["Input.Email"] = TestReaders.Email() };
        for (var i = 0; i < 4; i++) await PostAsync(app, "/account/forgot-password", first, fields);
        ((int)(await PostAsync(app, "/account/forgot-password", first, fields)).StatusCode).ShouldBe(429);
        ((int)(await PostAsync(app, "/account/forgot-password", Client(), fields)).StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task The_dialog_gets_the_refusal_inline()
    {
        var ip = Client();
        var fields = new Dictionary<string, string> { ["Input.Email"] = TestReaders.Email(), ["Input.Password"] = "x" };
        for (var i = 0; i < 3; i++) await PostAsync(app, "/account/sign-in", ip, fields, htmx: true);
        var refused = await PostAsync(app, "/account/sign-in", ip, fields, htmx: true);
        ((int)refused.StatusCode).ShouldBe(429);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldStartWith("<div class=\"account-panel\">");
        html.ShouldContain("Too many attempts");
    }

    [Fact]
    public async Task Two_instances_on_one_redis_share_one_limit()
    {
        // Off the primary database: instances share counters through Redis:Configuration.
        await using var redis = await RedisServer.StartAsync();
        var shared = new KeyValuePair<string, string>("Redis:Configuration", redis.Configuration);
        await using var one = await BroadsheetApp.SiblingOfAsync(app, shared);
        await using var other = await BroadsheetApp.SiblingOfAsync(app, shared);
        var ip = Client();
        var fields = new Dictionary<string, string> { ["Input.Email"] = TestReaders.Email() };
        ((int)(await PostAsync(one, "/account/sign-in-link", ip, fields)).StatusCode).ShouldBe(200);
        ((int)(await PostAsync(other, "/account/sign-in-link", ip, fields)).StatusCode).ShouldBe(200);
        ((int)(await PostAsync(one, "/account/sign-in-link", ip, fields)).StatusCode).ShouldBe(200);
        ((int)(await PostAsync(other, "/account/sign-in-link", ip, fields)).StatusCode).ShouldBe(429);
    }

    [Fact]
    public async Task Reading_the_forms_is_never_limited()
    {
        using var reader = app.Reader();
        reader.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Client());
        for (var i = 0; i < 6; i++) ((int)(await reader.GetPageAsync("/account/sign-in")).Response.StatusCode).ShouldBe(200);
    }
}
