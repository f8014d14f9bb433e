using Broadsheet.Comments;
using Broadsheet.Shared;
using System.Text.Json;

namespace Broadsheet.Newsroom.Site;

/// <summary>One editable row of a link list: "Join Us" links or menu entries.</summary>
public sealed class LinkRow
{
    public string? Label { get; set; }
    public string? Url { get; set; }
}

/// <summary>The settings form as posted. Only these fields bind; nothing else on the request is read.</summary>
public sealed class SettingsForm
{
    public string? Name { get; set; }
    public string? Tagline { get; set; }
    public string? Logo { get; set; }
    public string? TimeZone { get; set; }
    public List<LinkRow> Social { get; set; } = [];
    public List<LinkRow> Menu { get; set; } = [];
    /// <summary>"" keeps Comments:Moderation from configuration.</summary>
    public string? Moderation { get; set; }
    /// <summary>"" keeps Comments:CloseAfterDays from configuration.</summary>
    public string? CloseAfterDays { get; set; }

    public static SettingsForm Of(SiteOptions site, IReadOnlyDictionary<string, string> overrides) => new()
    {
        Name = site.Name,
        Tagline = site.Tagline,
        Logo = site.Logo,
        TimeZone = site.TimeZone,
        Social = [.. site.Social.Select(s => new LinkRow { Label = s.Name, Url = s.Url })],
        Menu = [.. site.Menu.Select(m => new LinkRow { Label = m.Label, Url = m.Url })],
        Moderation = overrides.GetValueOrDefault(SettingKeys.Moderation, ""),
        CloseAfterDays = overrides.GetValueOrDefault(SettingKeys.CloseAfterDays, ""),
    };

    /// <summary>Every problem with the form, in the order of its fields; empty when it can be saved.</summary>
    public List<(string Field, string Message)> Check()
    {
        var problems = new List<(string, string)>();
        void Add(string field, string? message) { if (message is not null) problems.Add((field, message)); }
        Add(nameof(Name), SettingsRules.CheckName(T(Name)));
        Add(nameof(Tagline), SettingsRules.CheckTagline(T(Tagline)));
        if (T(Logo) is { Length: > 0 } logo && !SettingsRules.IsLocalOrWebUrl(logo))
            Add(nameof(Logo), "The logo needs a path on this site (/media/...) or an http(s) address.");
        Add(nameof(TimeZone), SettingsRules.CheckTimeZone(T(TimeZone)));
        foreach (var row in Rows(Social)) Add(nameof(Social), SettingsRules.CheckLink("social link", T(row.Label), T(row.Url), allowLocal: false));
        foreach (var row in Rows(Menu)) Add(nameof(Menu), SettingsRules.CheckLink("menu entry", T(row.Label), T(row.Url), allowLocal: true));
        if (Rows(Social).Count() > SettingsRules.ListMax || Rows(Menu).Count() > SettingsRules.ListMax)
            Add(nameof(Menu), $"Keep each list to {SettingsRules.ListMax} links.");
        Add(nameof(Moderation), SettingsRules.CheckModeration(T(Moderation)));
        Add(nameof(CloseAfterDays), SettingsRules.CheckCloseAfterDays(T(CloseAfterDays)));
        return problems;
    }

    /// <summary>The stored text of each setting; null for "use configuration".</summary>
    public Dictionary<string, string?> Values() => new()
    {
        [SettingKeys.Name] = T(Name),
        [SettingKeys.Tagline] = T(Tagline),
        [SettingKeys.Logo] = T(Logo) is { Length: > 0 } logo ? logo : null,
        [SettingKeys.TimeZone] = T(TimeZone),
        [SettingKeys.Social] = Serialize(Rows(Social).Select(r => new SocialLink { Name = T(r.Label), Url = T(r.Url) })),
        [SettingKeys.Menu] = Serialize(Rows(Menu).Select(r => new MenuLink { Label = T(r.Label), Url = T(r.Url) })),
        [SettingKeys.Moderation] = T(Moderation) is { Length: > 0 } m ? Enum.Parse<ModerationPolicy>(m).ToString() : null,
        [SettingKeys.CloseAfterDays] = T(CloseAfterDays) is { Length: > 0 } d ? int.Parse(d).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>The same text for the configured values, so a setting equal to configuration keeps no row.</summary>
    public static Dictionary<string, string> Configured(SiteOptions site) => new()
    {
        [SettingKeys.Name] = site.Name,
        [SettingKeys.Tagline] = site.Tagline,
        [SettingKeys.Logo] = site.Logo,
        [SettingKeys.TimeZone] = site.TimeZone,
        [SettingKeys.Social] = Serialize(site.Social),
        [SettingKeys.Menu] = Serialize(site.Menu),
    };

    internal static string Serialize<TItem>(IEnumerable<TItem> items) => JsonSerializer.Serialize(items.ToList(), Overrides.Json);

    private static IEnumerable<LinkRow> Rows(List<LinkRow> rows) => rows.Where(r => T(r.Label).Length > 0 || T(r.Url).Length > 0);

    private static string T(string? s) => (s ?? "").Trim();
}
