using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Broadsheet.Caching;

/// <summary>
/// The form token a signed-in reader's hole fills carry (the sign-out form, the vote and Follow
/// forms). Antiforgery makes a new request token on every page: it decrypts the reader's
/// antiforgery cookie and encrypts a token bound to that cookie's secret and to the reader's
/// identity, two Data Protection operations per signed-in hit. Any token made for the same
/// cookie and the same reader validates alike (a token carries no time; the vote answer already
/// hands the posted one back), so the one made for this pair is remembered for a short while.
/// Only a pair whose cookie antiforgery accepted (it reused the cookie rather than issuing a new
/// one) is remembered; a missing, unreadable or new cookie always takes the ordinary path, which
/// sets the new cookie. Memory per instance, bounded in count and time; nothing is shared.
/// </summary>
public sealed class FormTokens(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int Capacity = 20_000;

    private readonly MemoryCache made = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The form field's name and this reader's token, as <see cref="IAntiforgery.GetAndStoreTokens"/> gives them.</summary>
    public (string FieldName, string? Token) For(HttpContext http)
    {
        var o = options.Value;
        var key = Key(http, o);
        if (key is not null && made.TryGetValue(key, out string? token))
        {
            // What GetAndStoreTokens also does: a page carrying a token is never kept by a browser or proxy.
            if (!http.Response.HasStarted)
            {
                http.Response.Headers.CacheControl = "no-cache, no-store";
                http.Response.Headers.Pragma = "no-cache";
            }
            return (o.FormFieldName, token);
        }
        var set = antiforgery.GetAndStoreTokens(http);
        // No new cookie token: the one the request carried was valid and the request token is bound to it.
        if (key is not null && set.CookieToken is null && set.RequestToken is { } fresh)
            made.Set(key, fresh, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return (set.FormFieldName, set.RequestToken);
    }

    /// <summary>
    /// The reader's id (antiforgery binds a token to the identity's NameIdentifier and its issuer)
    /// and the antiforgery cookie's text; null for a request without either.
    /// </summary>
    private static string? Key(HttpContext http, AntiforgeryOptions o)
    {
        if (http.User.Identity?.IsAuthenticated != true || o.Cookie.Name is not { } name) return null;
        if (http.User.FindFirst(ClaimTypes.NameIdentifier) is not { } id || http.Request.Cookies[name] is not { Length: > 0 } cookie) return null;
        return string.Concat(id.Issuer, "\n", id.Value, "\n", cookie);
    }
}
