namespace Broadsheet.Newsroom.Site;

/// <summary>
/// The keys of the SiteSettings rows. They read as the configuration keys they override, so
/// "Site:Name" in the table wins over Site:Name in appsettings, and a missing row falls back to it.
/// </summary>
public static class SettingKeys
{
    public const string Name = "Site:Name";
    public const string Tagline = "Site:Tagline";
    public const string Logo = "Site:Logo";
    public const string TimeZone = "Site:TimeZone";
    /// <summary>JSON list of { Name, Url }.</summary>
    public const string Social = "Site:Social";
    /// <summary>JSON list of { Label, Url }; an empty list means "the sections, as always".</summary>
    public const string Menu = "Site:Menu";
    public const string Moderation = "Comments:Moderation";
    public const string CloseAfterDays = "Comments:CloseAfterDays";

    public static readonly string[] All = [Name, Tagline, Logo, TimeZone, Social, Menu, Moderation, CloseAfterDays];
}
