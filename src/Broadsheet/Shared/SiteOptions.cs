namespace Broadsheet.Shared;

/// <summary>The "Site" configuration section: the masthead and the footer's social links.</summary>
public sealed class SiteOptions
{
    public string Name { get; set; } = "Broadsheet";
    public string Tagline { get; set; } = "Independent news, told plainly.";

    /// <summary>Absolute base URL for canonical links when running behind a proxy; empty uses the request's host.</summary>
    public string? BaseUrl { get; set; }

    public List<SocialLink> Social { get; set; } = [];

    /// <summary>The site's logo for link previews and search engines: a site path or an absolute URL.</summary>
    public string Logo { get; set; } = "/favicon.svg";

    /// <summary>The site's X (Twitter) handle for twitter:site, such as "@broadsheet"; empty leaves it out.</summary>
    public string? Twitter { get; set; }

    /// <summary>The pages' language (BCP 47, such as "en" or "en-GB"): &lt;html lang&gt; and JSON-LD inLanguage.</summary>
    public string Language { get; set; } = "en";
}

public sealed class SocialLink
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
}
