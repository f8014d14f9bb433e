using System.Text;

namespace Broadsheet.Shared;

/// <summary>
/// Letters spelled in ASCII for slugs and handles: Cyrillic (a plain, readable scheme close to
/// ISO 9 / BGN), accented Latin, and the Latin letters that do not decompose (ß, ø, ł...).
/// A table rather than Unicode decomposition: the app runs with invariant globalization, where
/// string.Normalize cannot take "é" apart.
/// </summary>
public static class Transliteration
{
    // Declared before Latin: static fields initialise in order.
    private static readonly (string Letters, string Ascii)[] Accented =
    [
        ("àáâãäåāăąǎ", "a"), ("çćĉċč", "c"), ("ďḍ", "d"), ("èéêëēĕėęěẹ", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįǐ", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀ", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏőǒọ", "o"),
        ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűųǔ", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ];

    private static readonly Dictionary<char, string> Latin = BuildTable();

    public static string ToAscii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (Latin.TryGetValue(char.ToLowerInvariant(ch), out var latin)) sb.Append(latin);
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    private static Dictionary<char, string> BuildTable()
    {
        // Russian, Ukrainian, Belarusian, Serbian and Bulgarian Cyrillic, then the Latin letters.
        const string cyrillic = "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya "
            + "є:ye і:i ї:yi ґ:g ў:u ђ:dj ј:j љ:lj њ:nj ћ:c џ:dz "
            + "ß:ss æ:ae œ:oe ø:o ł:l đ:d ð:d þ:th ı:i";
        var table = cyrillic.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToDictionary(p => p[0][0], p => p[1]);
        foreach (var (letters, ascii) in Accented) foreach (var c in letters) table[c] = ascii;
        return table;
    }
}
