namespace Broadsheet.Shared;

/// <summary>The "Site" configuration section: the masthead and the footer's social links.</summary>
public sealed class SiteOptions
{
    public string Name { get; set; } = "Broadsheet";
    public string Tagline { get; set; } = "Independent news, told plainly.";

    /// <summary>Absolute base URL for canonical links when running behind a proxy; empty uses the request's host.</summary>
    public string? BaseUrl { get; set; }

    public List<SocialLink> Social { get; set; } = [];
}

public sealed class SocialLink
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
}
