using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Accounts;

/// <summary>
/// The sign-in cookie's ticket format, remembering what each cookie it recently read decrypted to.
/// A signed-in reader sends the same cookie on every page, and decrypting it (Data Protection's
/// authenticated AES, a key derivation per read) and reading its claims was the largest fixed
/// cost of a signed-in hit on a cached page (docs/benchmarks.md, issue 15). The cookie's text
/// is the key, so only the exact bytes that decrypted before are answered from memory; a cookie
/// that fails to decrypt is never remembered. Every read gets its own copy of the ticket, so the
/// cookie handler and the security stamp check (which move its issue and expiry times) see it as
/// freshly decrypted, and still run on every request: expiry, sliding renewal and "sign out
/// everywhere" work as before. Memory per instance only, bounded in count and in time: what a
/// cookie decrypts to never changes, except when its key is revoked, which this delays by at
/// most <see cref="Lifetime"/>.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Tickets remembered at most: about 3 KB each (the cookie text and the claims).</summary>
    public const int Capacity = 20_000;

    private readonly MemoryCache read = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => Protect(data, purpose: null);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // Another purpose is another decryption: only the cookie's own (none) is remembered.
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        if (read.TryGetValue(protectedText, out AuthenticationTicket? known)) return known!.Clone();
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        read.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ticket;
    }
}
