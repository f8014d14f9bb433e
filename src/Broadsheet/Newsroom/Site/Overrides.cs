using Broadsheet.Comments;
using Broadsheet.Shared;
using System.Text.Json;

namespace Broadsheet.Newsroom.Site;

/// <summary>
/// Lays the stored settings over the configured options. A value that no longer parses (edited
/// by hand in the database) is skipped, so the configured value stands rather than an error.
/// </summary>
public static class Overrides
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void ApplyTo(SiteOptions site, IReadOnlyDictionary<string, string> s)
    {
        if (s.TryGetValue(SettingKeys.Name, out var name) && name.Length > 0) site.Name = name;
        if (s.TryGetValue(SettingKeys.Tagline, out var tagline)) site.Tagline = tagline;
        if (s.TryGetValue(SettingKeys.Logo, out var logo) && logo.Length > 0) site.Logo = logo;
        if (s.TryGetValue(SettingKeys.TimeZone, out var zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) site.TimeZone = zone;
        if (List<SocialLink>(s, SettingKeys.Social) is { } social) site.Social = social;
        if (List<MenuLink>(s, SettingKeys.Menu) is { } menu) site.Menu = menu;
    }

    public static void ApplyTo(CommentOptions comments, IReadOnlyDictionary<string, string> s)
    {
        if (s.TryGetValue(SettingKeys.Moderation, out var policy) && Enum.TryParse<ModerationPolicy>(policy, out var p) && Enum.IsDefined(p))
            comments.Moderation = p;
        if (s.TryGetValue(SettingKeys.CloseAfterDays, out var days) && int.TryParse(days, out var d) && d >= 0)
            comments.CloseAfterDays = d;
    }

    private static List<T>? List<T>(IReadOnlyDictionary<string, string> s, string key)
    {
        if (!s.TryGetValue(key, out var json)) return null;
        try { return JsonSerializer.Deserialize<List<T>>(json, Json); }
        catch (JsonException) { return null; }
    }
}
