using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Broadsheet.Accounts;

/// <summary>
/// The sign-in cookie's tickets, decrypted once per cookie value and kept a minute. Every signed-in
/// request otherwise derives the key, checks the MAC, decrypts and deserializes the same cookie
/// again; a vote storm's profile (issue 16) put that at a tenth of the app's time. Only a value
/// the data protector accepted is kept, under its exact text, so a forged or altered cookie is
/// never answered from here; each caller gets its own copy (the handler renews and the stamp
/// check edits the ticket's properties). What the handler checks after decryption (the ticket's
/// expiry, the security-stamp interval) is checked on the copy as before, so no session outlives
/// what it did. Bounded: when full it starts afresh.
/// </summary>
public sealed class TicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    internal const int MaxEntries = 20_000;
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> known = new(StringComparer.Ordinal);

    /// <summary>Cookie values held now: what a test inspects.</summary>
    public int Count => known.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) is part of what the protector checks: not cached.
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (known.TryGetValue(protectedText, out var hit) && hit.Until > now) return hit.Ticket.Clone();
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (known.Count >= MaxEntries) known.Clear();
        known[protectedText] = (ticket.Clone(), now + Lifetime);
        return ticket;
    }
}
