using System.Text;

namespace Broadsheet.Shared;

/// <summary>
/// Where to send a reader after a form or a sign-in. Only paths on this site are followed:
/// anything else ("//evil.example", "https://evil.example", "javascript:", "/\evil", a control
/// character) is refused, so a crafted link cannot bounce a reader to someone else's page.
/// Every redirect to a target the client named goes through here: a Location header must be
/// ASCII, and a raw "café" in one makes Kestrel throw (a 500), so non-ASCII is percent-encoded.
/// </summary>
public static class LocalPath
{
    public const int MaxLength = 2048;

    /// <summary>The path, safe for a Location header, or null when it is not a path on this site.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > MaxLength || raw[0] != '/') return null;
        if (raw.Length > 1 && raw[1] is '/' or '\\') return null;
        var path = new StringBuilder(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        // By rune, so a character outside the BMP is one UTF-8 sequence, and a lone surrogate
        // (which has no UTF-8 form) becomes U+FFFD instead of an exception.
        foreach (var rune in raw.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value == '\\') return null;
            if (rune.IsAscii && rune.Value != ' ' && rune.Value != '"' && rune.Value != '<' && rune.Value != '>')
            {
                path.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) path.Append('%').Append(b.ToString("X2"));
        }
        // Unicode has invisible format characters (U+202E turns text around) that are not "control"
        // characters; encoded, they are harmless in a URL.
        return path.Length > MaxLength ? null : path.ToString();
    }

    /// <summary>The path, safe for a Location header, or "/" when it is not a path on this site.</summary>
    public static string OrHome(string? raw) => Normalize(raw) ?? "/";
}
