using System.Security.Claims;
using Broadsheet.Accounts;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// The sign-in cookie decrypted once per value (Accounts/TicketCache), with a real data protector:
/// only what it accepts is kept, every caller gets a copy of its own, and an entry lives a minute.
/// </summary>
public sealed class TicketCacheTests
{
    private static (TicketCache Cache, TicketDataFormat Format, FakeTimeProvider Clock) Make()
    {
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tickets"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (new TicketCache(format, clock), format, clock);
    }

    private static AuthenticationTicket Ticket(string name) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test")),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-5) }, "Identity.Application");

    [Fact]
    public void A_cookie_read_twice_is_kept_once_and_a_change_to_one_answer_does_not_reach_the_next()
    {
        var (cache, format, _) = Make();
        var cookie = format.Protect(Ticket("reader-1"));

        var first = cache.Unprotect(cookie).ShouldNotBeNull();
        first.Properties.IssuedUtc = DateTimeOffset.UtcNow; // what a renewal does to the ticket it was handed
        var second = cache.Unprotect(cookie).ShouldNotBeNull();

        cache.Count.ShouldBe(1);
        second.Principal.Identity!.Name.ShouldBe("reader-1");
        second.Properties.IssuedUtc.ShouldNotBe(first.Properties.IssuedUtc);
        second.ShouldNotBeSameAs(first);
    }

    [Theory]
    [InlineData("not-a-cookie")]
    [InlineData("")]
    public void A_value_the_protector_refuses_is_refused_and_not_kept(string cookie)
    {
        var (cache, _, _) = Make();
        cache.Unprotect(cookie).ShouldBeNull();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void An_altered_cookie_is_refused_even_after_the_genuine_one_was_kept()
    {
        var (cache, format, _) = Make();
        var cookie = format.Protect(Ticket("reader-2"));
        cache.Unprotect(cookie).ShouldNotBeNull();
        var altered = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];
        cache.Unprotect(altered).ShouldBeNull();
    }

    [Fact]
    public void After_a_minute_the_cookie_is_decrypted_again_from_the_protector()
    {
        var (cache, format, clock) = Make();
        var cookie = format.Protect(Ticket("reader-3"));
        cache.Unprotect(cookie).ShouldNotBeNull();
        clock.Advance(TicketCache.Lifetime + TimeSpan.FromSeconds(1));
        // A protector that no longer holds the key would refuse it now; this one still reads it.
        cache.Unprotect(cookie)!.Principal.Identity!.Name.ShouldBe("reader-3");
        cache.Count.ShouldBe(1);
    }
}

/// <summary>The app's sign-in cookie goes through the cache, and a signed-in request fills it.</summary>
[Trait("Category", "Integration")]
public sealed class TicketCacheWiringTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task A_signed_in_readers_requests_read_their_cookie_through_the_cache()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cache = options.TicketDataFormat.ShouldBeOfType<TicketCache>();
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _ = reader;
        var before = cache.Count;
        await reader.VoteTokenAsync(article.Slug);
        await reader.VoteTokenAsync(article.Slug);
        cache.Count.ShouldBeGreaterThan(0);
        cache.Count.ShouldBeLessThanOrEqualTo(before + 1);
    }
}
