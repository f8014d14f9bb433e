using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Broadsheet.Shared;

/// <summary>
/// The site's origin ("https://news.example.org") for every absolute link the app writes: mail,
/// feeds, sitemaps, canonical and share links, the API's url fields and OpenAPI servers, preview
/// links. It never comes from a request: a forged Host or X-Forwarded-Host would otherwise write
/// a password-reset link to the attacker's site. Site:BaseUrl when set (required outside
/// Development); in Development without it, the address the server listens on.
/// </summary>
public sealed class SiteOrigin(IOptionsMonitor<SiteOptions> site, IServer server)
{
    public string Value => Resolve(site.CurrentValue.BaseUrl,
        server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>A site path made absolute on the origin.</summary>
    public string Absolute(string pathAndQuery) => Value + pathAndQuery;

    /// <summary>
    /// Site:BaseUrl without its trailing slash; without one, the first address the server listens
    /// on, with a wildcard host ("0.0.0.0", "[::]", "+", "*") read as localhost.
    /// </summary>
    public static string Resolve(string? baseUrl, IEnumerable<string> listening)
    {
        if (!string.IsNullOrWhiteSpace(baseUrl)) return baseUrl.Trim().TrimEnd('/');
        var address = listening.FirstOrDefault() ?? "http://localhost:5080";
        foreach (var wildcard in new[] { "[::]", "0.0.0.0", "+", "*" })
            address = address.Replace($"://{wildcard}", "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }

    /// <summary>
    /// Why a Site:BaseUrl cannot serve as the origin, or null when it can: an absolute http(s)
    /// URL with no path, query or fragment (the app serves from the root, so a path would write
    /// links to pages it does not have).
    /// </summary>
    public static string? Problem(string? baseUrl)
    {
        const string Example = "such as https://news.example.org";
        if (string.IsNullOrWhiteSpace(baseUrl))
            return $"Site:BaseUrl is not set. Set it to the address readers use, {Example} (environment variable Site__BaseUrl): links in mail, feeds and the API are built from it, never from a request's Host header.";
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"Site:BaseUrl '{baseUrl}' is not an absolute http or https address, {Example}.";
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            return $"Site:BaseUrl '{baseUrl}' must be an origin only, {Example}: no path, query, fragment or user name.";
        return null;
    }

    /// <summary>
    /// The Host headers the app answers: the configured site's host, and the loopback names, so a
    /// health probe or the proxy on the same box still reaches an instance directly. Any other
    /// Host gets a 400 before the app sees it.
    /// </summary>
    public static string[] AllowedHosts(string baseUrl) =>
        [new Uri(baseUrl.Trim()).IdnHost, "localhost", "127.0.0.1", "[::1]"];
}
