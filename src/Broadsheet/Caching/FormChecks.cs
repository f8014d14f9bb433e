using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Broadsheet.Caching;

/// <summary>
/// Endpoint metadata: this endpoint's antiforgery checks may be remembered (<see cref="FormChecks"/>).
/// Only for endpoints a reader posts to again and again from the same page (a vote's buttons).
/// </summary>
public sealed class RemembersFormCheck
{
    public static readonly RemembersFormCheck Instance = new();

    private RemembersFormCheck() { }
}

/// <summary>
/// The antiforgery check of an endpoint marked <see cref="RemembersFormCheck"/>, remembered per
/// (reader, antiforgery cookie, form token). Validating decrypts both tokens (two Data Protection
/// operations); a vote storm's profile put that at 12 % of a vote's CPU, paid again for every
/// click from the same page with the same pair. The verdict is a pure function of the two token
/// texts and of the reader's identity (antiforgery binds the form token to the identity's
/// sub/NameIdentifier/UPN claim and its issuer), so those are the key, with the scheme (the
/// check refuses a Secure-only cookie over http): a pair is only trusted again for the same
/// reader with the same cookie. Only a pair antiforgery accepted is remembered; anything else
/// (a refusal, a signed-out or unusual identity, another endpoint) takes the ordinary check every
/// time. Memory per instance, bounded in count and time (a revoked Data Protection key is noticed
/// at most <see cref="Lifetime"/> late, as with Accounts/RememberedTickets).
/// </summary>
public sealed class FormChecks(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int Capacity = 20_000;

    private static readonly string[] UidTypes = ["sub", ClaimTypes.NameIdentifier, ClaimTypes.Upn];
    private readonly MemoryCache accepted = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Puts this in front of the IAntiforgery Razor Pages registered (call after AddRazorPages).</summary>
    public static void Register(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("FormChecks.Register runs after antiforgery is registered (AddRazorPages).");
        if (original.ImplementationType == typeof(FormChecks)) return;
        var type = original.ImplementationType
            ?? throw new InvalidOperationException("FormChecks wraps antiforgery registered by its type.");
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp =>
            new FormChecks((IAntiforgery)ActivatorUtilities.CreateInstance(sp, type), sp.GetRequiredService<IOptions<AntiforgeryOptions>>())));
    }

    public async Task ValidateRequestAsync(HttpContext http)
    {
        var key = await KeyAsync(http);
        if (key is not null && accepted.TryGetValue(key, out _)) return;
        await inner.ValidateRequestAsync(http); // throws on a refusal, so only an accepted pair is remembered
        if (key is not null) accepted.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
    }

    /// <summary>Whether an accepted check of this antiforgery cookie and form token is remembered, for any reader (tests, diagnostics).</summary>
    public bool Remembered(string cookie, string token) =>
        accepted.Keys.OfType<string>().Any(k => k.EndsWith(string.Concat("\n", cookie, "\n", token), StringComparison.Ordinal));

    public async Task<bool> IsRequestValidAsync(HttpContext http)
    {
        try { await ValidateRequestAsync(http); return true; }
        catch (AntiforgeryValidationException) { return false; }
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext http) => inner.GetAndStoreTokens(http);

    public AntiforgeryTokenSet GetTokens(HttpContext http) => inner.GetTokens(http);

    public void SetCookieTokenAndHeader(HttpContext http) => inner.SetCookieTokenAndHeader(http);

    /// <summary>
    /// What the check's verdict depends on, read where antiforgery reads it (the cookie; the header,
    /// then the form field); null when this request's check is not to be remembered.
    /// </summary>
    private async Task<string?> KeyAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RemembersFormCheck>() is null || !HttpMethods.IsPost(http.Request.Method)) return null;
        // Antiforgery uses the first signed-in identity; with more than one, the ordinary check decides.
        var identities = http.User.Identities.Where(i => i.IsAuthenticated).Take(2).ToArray();
        if (identities.Length != 1) return null;
        var uid = UidTypes.Select(t => identities[0].FindFirst(c => c.Type == t)).FirstOrDefault(c => !string.IsNullOrEmpty(c?.Value));
        var o = options.Value;
        if (uid is null || o.Cookie.Name is not { } cookieName || http.Request.Cookies[cookieName] is not { Length: > 0 } cookie) return null;
        // As antiforgery's token store reads them: several values come joined, as one string.
        string? token = o.HeaderName is { } header ? http.Request.Headers[header].ToString() : null;
        if (string.IsNullOrEmpty(token) && http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                token = form[o.FormFieldName].ToString();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return null; // the ordinary check reads it again and refuses it as it always did
            }
        }
        if (string.IsNullOrEmpty(token)) return null;
        return string.Join('\n', http.Request.IsHttps ? "https" : "http", uid.Type, uid.Value, uid.Issuer, cookie, token);
    }
}
