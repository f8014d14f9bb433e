using System.Text.RegularExpressions;

namespace Broadsheet.Views;

/// <summary>
/// Whether a request for an article page is a human reader's view. Bots and crawlers (by
/// User-Agent), prefetches and prerenders (the browser guessing, not the reader reading),
/// HEAD requests, previews and anything but a 200 are not counted.
/// </summary>
public static partial class CountableView
{
    public static bool Decide(string method, int status, string? userAgent, string? secPurpose, string? purpose, string? xMoz, bool isPreview)
    {
        if (!HttpMethods.IsGet(method) || status != StatusCodes.Status200OK || isPreview) return false;
        if (IsPrefetch(secPurpose) || IsPrefetch(purpose) || IsPrefetch(xMoz)) return false;
        return IsHuman(userAgent);
    }

    public static bool IsHuman(string? userAgent) =>
        !string.IsNullOrWhiteSpace(userAgent) && userAgent.Length <= 1024 && !Bots().IsMatch(userAgent);

    private static bool IsPrefetch(string? header) =>
        header is not null && (header.Contains("prefetch", StringComparison.OrdinalIgnoreCase) || header.Contains("prerender", StringComparison.OrdinalIgnoreCase));

    // Words that crawlers, link unfurlers, monitors and scripted clients put in their names.
    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|fetch|scrap|curl|wget|python-|httpclient|okhttp|go-http|java/|libwww|axios|node-fetch|headless|phantom|lighthouse|pingdom|uptime|monitor|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|slack|bingpreview|feed|rss|archive\.org|ia_archiver|wrk|apachebench|loader\.io|k6/",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bots();
}
