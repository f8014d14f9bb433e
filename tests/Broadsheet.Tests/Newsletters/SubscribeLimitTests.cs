using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletters;

/// <summary>The subscribe form's POSTs are limited per client IP (each one mails someone).</summary>
[Trait("Category", "Integration")]
public sealed class SubscribeLimitTests(SubscribeLimitTests.TwoPerWindowApp app) : IClassFixture<SubscribeLimitTests.TwoPerWindowApp>
{
    public sealed class TwoPerWindowApp : NewslettersApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("RateLimits:subscribe:Permits", "2")];
    }

    [Fact]
    public async Task The_third_subscribe_POST_from_one_address_in_the_window_is_a_429_and_writes_nothing()
    {
        var newsletter = await app.NewsletterAsync();
        using var visitor = app.Reader();
        for (var i = 0; i < 2; i++)
        {
            var (ok, _) = await visitor.PostWithTokenAsync("/subscribe", "/subscribe", new() { ["Email"] = TestReaders.Email(), ["Chosen"] = newsletter.Slug });
            ((int)ok.StatusCode).ShouldBe(200);
        }
        var (refused, _) = await visitor.PostWithTokenAsync("/subscribe", "/subscribe", new() { ["Email"] = TestReaders.Email(), ["Chosen"] = newsletter.Slug });

        ((int)refused.StatusCode).ShouldBe(429);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.TargetId == newsletter.Id && s.Kind == SubscriptionKind.Newsletter))).ShouldBe(2);
    }
}
