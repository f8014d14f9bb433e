using Broadsheet.Comments;

namespace Broadsheet.Newsroom.Site;

/// <summary>What the settings form accepts. Each check returns a message for the admin, or null when the value is fine.</summary>
public static class SettingsRules
{
    public const int NameMax = 80;
    public const int TaglineMax = 160;
    public const int LabelMax = 40;
    public const int UrlMax = 500;
    public const int ListMax = 20;
    public const int CloseAfterDaysMax = 3650;

    public static string? CheckName(string name) =>
        name.Length is 0 or > NameMax ? $"The site name needs 1 to {NameMax} characters." : null;

    public static string? CheckTagline(string tagline) =>
        tagline.Length > TaglineMax ? $"The tagline can have at most {TaglineMax} characters." : null;

    /// <summary>An absolute http or https address with a host; nothing else (no javascript:, data:, mailto:).</summary>
    public static bool IsWebUrl(string url) =>
        url.Length <= UrlMax && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    /// <summary>A path on this site: one leading slash ("//host" would leave the site), no backslashes or control characters.</summary>
    public static bool IsLocalPath(string url) =>
        url.Length is > 0 and <= UrlMax && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));

    public static bool IsLocalOrWebUrl(string url) => IsLocalPath(url) || IsWebUrl(url);

    public static string? CheckTimeZone(string id) =>
        id.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? null
            : $"\"{id}\" is not a time zone this server knows. Use an IANA name such as Europe/London or America/New_York.";

    public static string? CheckModeration(string policy) =>
        policy.Length == 0 || (Enum.TryParse<ModerationPolicy>(policy, out var p) && Enum.IsDefined(p) && !int.TryParse(policy, out _)) ? null
            : "Choose a comment policy from the list.";

    public static string? CheckCloseAfterDays(string days) =>
        days.Length == 0 || (int.TryParse(days, out var d) && d is >= 0 and <= CloseAfterDaysMax) ? null
            : $"Close comments after 0 (never) to {CloseAfterDaysMax} days.";

    /// <summary>One row of a link list ("Join Us" or the menu); a row with both parts empty is dropped before this.</summary>
    public static string? CheckLink(string what, string label, string url, bool allowLocal)
    {
        if (label.Length is 0 or > LabelMax) return $"Each {what} needs a name of 1 to {LabelMax} characters.";
        var ok = allowLocal ? IsLocalOrWebUrl(url) : IsWebUrl(url);
        if (!ok) return allowLocal
            ? $"The {what} \"{label}\" needs a path on this site (/latest) or an http(s) address."
            : $"The {what} \"{label}\" needs an http(s) address.";
        return null;
    }
}
