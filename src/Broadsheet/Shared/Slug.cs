using System.Text;

namespace Broadsheet.Shared;

/// <summary>URL slugs: lower-case ASCII words joined by single hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 200;

    public static string From(string text, int maxLength = 80)
    {
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var ch in Transliteration.ToAscii(text))
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && sb.Length > 0) sb.Append('-');
                pendingHyphen = false;
                sb.Append(c);
                if (sb.Length >= maxLength) break;
            }
            else if (c != '\'' && c != '\u2019')
            {
                // Apostrophes join ("minister's" -> "ministers"); everything else separates.
                pendingHyphen = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    /// <summary>True for strings that <see cref="From"/> could have produced; anything else cannot name a page.</summary>
    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength) return false;
        if (slug[0] == '-' || slug[^1] == '-') return false;
        var previousHyphen = false;
        foreach (var c in slug)
        {
            if (c == '-')
            {
                if (previousHyphen) return false;
                previousHyphen = true;
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') previousHyphen = false;
            else return false;
        }
        return true;
    }
}
