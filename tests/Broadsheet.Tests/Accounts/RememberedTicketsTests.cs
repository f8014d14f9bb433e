using Broadsheet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Claims;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// The sign-in cookie's decrypted ticket is remembered by the cookie's text (Accounts/RememberedTickets.cs):
/// every read must still look freshly decrypted, and nothing unreadable may be remembered.
/// Real Data Protection (an ephemeral key ring), not a stand-in.
/// </summary>
public sealed class RememberedTicketsTests
{
    private static TicketDataFormat Format(IDataProtectionProvider keys) => new(keys.CreateProtector("cookie"));

    private static AuthenticationTicket Ticket(string id)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "Identity.Application"));
        var properties = new AuthenticationProperties { IssuedUtc = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero) };
        return new AuthenticationTicket(principal, properties, "Identity.Application");
    }

    [Fact]
    public void A_cookie_read_twice_gives_the_same_reader_and_a_change_to_one_read_does_not_reach_the_next()
    {
        var tickets = new RememberedTickets(Format(new EphemeralDataProtectionProvider()));
        var cookie = tickets.Protect(Ticket("7"));

        // The first read decrypts and remembers; the second is answered from memory. Each is changed
        // as the security stamp check changes a ticket it renews, and neither change may reach a later read.
        foreach (var read in new[] { tickets.Unprotect(cookie)!, tickets.Unprotect(cookie)! })
        {
            read.Properties.IssuedUtc = DateTimeOffset.MaxValue;
            ((ClaimsIdentity)read.Principal.Identity!).AddClaim(new Claim("extra", "x"));
        }
        var second = tickets.Unprotect(cookie)!;

        second.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe("7");
        second.Properties.IssuedUtc.ShouldBe(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        second.Principal.FindFirst("extra").ShouldBeNull();
    }

    [Fact]
    public void A_cookie_made_with_other_keys_is_never_read_not_even_after_a_good_one()
    {
        var keys = new EphemeralDataProtectionProvider();
        var tickets = new RememberedTickets(Format(keys));
        var good = tickets.Protect(Ticket("7"));
        var foreign = Format(new EphemeralDataProtectionProvider()).Protect(Ticket("7"));

        tickets.Unprotect(good).ShouldNotBeNull();
        tickets.Unprotect(foreign).ShouldBeNull();
        tickets.Unprotect(foreign).ShouldBeNull();
        tickets.Unprotect(good[..20] + (good[20] == 'A' ? 'B' : 'A') + good[21..]).ShouldBeNull();
    }

    [Theory]
    [InlineData("7", "8")]
    [InlineData("1", "10")]
    public void Two_readers_cookies_give_each_their_own_reader(string one, string other)
    {
        var tickets = new RememberedTickets(Format(new EphemeralDataProtectionProvider()));
        var a = tickets.Protect(Ticket(one));
        var b = tickets.Protect(Ticket(other));

        tickets.Unprotect(a)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(one);
        tickets.Unprotect(b)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(other);
        tickets.Unprotect(a)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(one);
    }
}
