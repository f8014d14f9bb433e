namespace Broadsheet.Articles;

/// <summary>
/// "By A, B and C" (issue 24): the words around a story's authors, in the site's language
/// (Site:Language, BCP 47; its first part picks the words, so "en-GB" and "en" read alike). The
/// page interleaves links with <see cref="Prefix"/> and <see cref="Between"/>; feeds, previews and
/// tests read <see cref="Of"/>. English has no serial comma ("A, B and C"), as British papers
/// write it; "en-US" takes one ("A, B, and C"). Other languages follow their press style.
/// </summary>
public static class Byline
{
    private sealed record Words(string By, string And, bool SerialComma = false);

    private static readonly Dictionary<string, Words> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("By", "and"),
        ["en-us"] = new("By", "and", SerialComma: true),
        ["fr"] = new("Par", "et"),
        ["de"] = new("Von", "und"),
        ["es"] = new("Por", "y"),
        ["it"] = new("Di", "e"),
        ["nl"] = new("Door", "en"),
        ["pt"] = new("Por", "e"),
        ["sv"] = new("Av", "och"),
        ["nb"] = new("Av", "og"),
        ["da"] = new("Af", "og"),
    };

    private static Words For(string? language)
    {
        language = (language ?? "").Trim();
        if (Languages.TryGetValue(language, out var exact)) return exact;
        var dash = language.IndexOf('-');
        return Languages.GetValueOrDefault(dash > 0 ? language[..dash] : language) ?? Languages["en"];
    }

    /// <summary>The word before the first name ("By").</summary>
    public static string Prefix(string? language) => For(language).By;

    /// <summary>What stands between name <paramref name="index"/> and the next one, of <paramref name="count"/> names: ", " or " and ".</summary>
    public static string Between(int index, int count, string? language)
    {
        var words = For(language);
        if (index < count - 2) return ", ";
        return count > 2 && words.SerialComma ? $", {words.And} " : $" {words.And} ";
    }

    /// <summary>The whole byline as text: "By Ana Lopes, Ben Hart and Chloé Ng"; empty with no names.</summary>
    public static string Of(IReadOnlyList<string> names, string? language)
    {
        if (names.Count == 0) return "";
        var text = new System.Text.StringBuilder(Prefix(language)).Append(' ').Append(names[0]);
        for (var i = 1; i < names.Count; i++) text.Append(Between(i - 1, names.Count, language)).Append(names[i]);
        return text.ToString();
    }
}
