namespace Broadsheet.Accounts;

/// <summary>
/// Where to send a reader after signing in. Only paths on this site are followed: anything
/// else ("//evil.example", "https://evil.example", "javascript:", "/\evil") becomes "/",
/// so a crafted sign-in link cannot bounce a reader to someone else's page.
/// </summary>
public static class LocalPath
{
    public const int MaxLength = 2048;

    public static string OrHome(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > MaxLength) return "/";
        if (raw[0] != '/') return "/";
        if (raw.Length > 1 && raw[1] is '/' or '\\') return "/";
        foreach (var c in raw)
            if (char.IsControl(c) || c == '\\') return "/";
        return raw;
    }
}
