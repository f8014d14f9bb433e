using Broadsheet.Shared;
using System.Text;

namespace Broadsheet.Import;

/// <summary>
/// Our slugs are lower-case ASCII; WordPress slugs may be percent-encoded unicode. Decode,
/// transliterate the letters that do not decompose into ASCII (Cyrillic, ß, ø...), then apply
/// our own <see cref="Slug.From"/>; when nothing usable is left, a stable fallback from the id.
/// </summary>
public static class ImportSlug
{
    // Declared before Latin: static fields initialise in order.
    private static readonly (string Letters, string Ascii)[] Accented =
    [
        ("àáâãäåāăąǎ", "a"), ("çćĉċč", "c"), ("ďḍ", "d"), ("èéêëēĕėęěẹ", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįǐ", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀ", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏőǒọ", "o"),
        ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűųǔ", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ];

    private static readonly Dictionary<char, string> Latin = BuildTable();

    public static string From(string wordpressSlug, string fallback, int maxLength = 80)
    {
        var slug = Slug.From(Transliterate(Decode(wordpressSlug)), maxLength);
        return Slug.IsValid(slug) ? slug : fallback;
    }

    /// <summary>"caf%c3%a9" → "café"; sequences that are not valid percent-encoding stay as they are.</summary>
    public static string Decode(string raw) => Uri.UnescapeDataString(raw ?? "");

    public static string Transliterate(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (Latin.TryGetValue(char.ToLowerInvariant(ch), out var latin)) sb.Append(latin);
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>"name", then "name-2", "name-3"... : the first the caller says is free.</summary>
    public static IEnumerable<string> Candidates(string slug, int maxLength)
    {
        yield return slug;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            yield return slug[..Math.Min(slug.Length, maxLength - suffix.Length)].TrimEnd('-') + suffix;
        }
    }

    private static Dictionary<char, string> BuildTable()
    {
        // Russian, Ukrainian, Belarusian, Serbian and Bulgarian Cyrillic (a plain, readable
        // scheme close to ISO 9 / BGN), and the Latin letters NFD does not strip to ASCII.
        const string cyrillic = "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya "
            + "є:ye і:i ї:yi ґ:g ў:u ђ:dj ј:j љ:lj њ:nj ћ:c џ:dz "
            + "ß:ss æ:ae œ:oe ø:o ł:l đ:d ð:d þ:th ı:i";
        var table = cyrillic.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToDictionary(p => p[0][0], p => p[1]);
        // The app runs with invariant globalization, where string.Normalize cannot take "é" apart,
        // so the accented Latin letters are spelled out here rather than left to Slug.From.
        foreach (var (letters, ascii) in Accented) foreach (var c in letters) table[c] = ascii;
        return table;
    }
}
