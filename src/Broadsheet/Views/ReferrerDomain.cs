namespace Broadsheet.Views;

/// <summary>
/// The referring site of a view, as a bare domain: the Referer header's host, lower-case, with a
/// leading "www." dropped (www.example.org and example.org are one site to an editor). Nothing
/// else of the URL is kept: paths and queries can carry search terms and personal data. Our own
/// pages, non-web schemes (android-app:, file:) and anything unparsable are not referrals.
/// </summary>
public static class ReferrerDomain
{
    public const int MaxLength = 253;

    public static string? From(string? referer, params ReadOnlySpan<string?> ownHosts)
    {
        if (string.IsNullOrWhiteSpace(referer) || referer.Length > 4096) return null;
        if (!Uri.TryCreate(referer.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        var host = Normalize(uri.IdnHost);
        if (host is null) return null;
        foreach (var own in ownHosts)
            if (Normalize(own) == host) return null;
        return host;
    }

    /// <summary>"WWW.Example.org." → "example.org"; null when nothing is left or it is too long to be a host.</summary>
    public static string? Normalize(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return null;
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (h.StartsWith("www.", StringComparison.Ordinal) && h.Length > 4) h = h[4..];
        return h.Length is 0 or > MaxLength ? null : h;
    }
}
