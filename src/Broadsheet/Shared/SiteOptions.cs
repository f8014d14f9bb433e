namespace Broadsheet.Shared;

/// <summary>The "Site" configuration section: the masthead, menu, time zone and the footer's social links.</summary>
public sealed class SiteOptions
{
    public string Name { get; set; } = "Broadsheet";
    public string Tagline { get; set; } = "Independent news, told plainly.";

    /// <summary>
    /// The address readers use ("https://news.example.org"): the origin of every absolute link
    /// (<see cref="SiteOrigin"/>). Required outside Development.
    /// </summary>
    public string? BaseUrl { get; set; }

    public List<SocialLink> Social { get; set; } = [];

    /// <summary>The site's logo for link previews and search engines: a site path or an absolute URL.</summary>
    public string Logo { get; set; } = "/favicon.svg";

    /// <summary>The site's X (Twitter) handle for twitter:site, such as "@broadsheet"; empty leaves it out.</summary>
    public string? Twitter { get; set; }

    /// <summary>The pages' language (BCP 47, such as "en" or "en-GB"): &lt;html lang&gt; and JSON-LD inLanguage.</summary>
    public string Language { get; set; } = "en";

    /// <summary>IANA time zone id (such as "Europe/London") for the exact times shown to readers.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The navigation menu; empty shows the sections in their order.</summary>
    public List<MenuLink> Menu { get; set; } = [];

    /// <summary>The time zone named by <see cref="TimeZone"/>, or UTC when it names none.</summary>
    public TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>One navigation menu entry: a site path ("/latest") or an http(s) address.</summary>
public sealed class MenuLink
{
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
}

public sealed class SocialLink
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
}
