using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>What a reader may call themselves: trimmed, 1–60 characters, no control characters.</summary>
public static class DisplayName
{
    public static string? Clean(string? raw)
    {
        var name = string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is 0 or > AccountLimits.DisplayNameMax) return null;
        return name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) ? null : name;
    }
}
