using System.Text.RegularExpressions;

namespace Broadsheet.Bench.VoteStorm;

/// <summary>
/// The app's mail folder (Email:Directory, one .eml per message, renamed into place when
/// complete), indexed by recipient: the sign-in link's token per address. The app writes the
/// mail before it answers the POST, so one rescan after the answer finds it.
/// </summary>
public sealed partial class MailIndex(string folder)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>The newest sign-in token mailed to the address, or null when there is none yet.</summary>
    public string? SignInToken(string address)
    {
        lock (gate)
        {
            if (!Directory.Exists(folder)) return null;
            foreach (var path in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
            {
                if (!seen.Add(path)) continue;
                var (to, token) = Read(File.ReadAllText(path));
                if (to is not null && token is not null) tokens[to] = token;
            }
            return tokens.GetValueOrDefault(address);
        }
    }

    private static (string? To, string? Token) Read(string eml)
    {
        var to = ToHeader().Match(eml) is { Success: true } t ? t.Groups[1].Value.Trim() : null;
        // Decoded only when a part says it is quoted-printable (a token may itself start "3D").
        var text = eml.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase)
            ? SoftBreak().Replace(eml, "").Replace("=3D", "=", StringComparison.Ordinal)
            : eml;
        var token = LinkToken().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        return (to, token);
    }

    [GeneratedRegex(@"^To:\s*(?:.*<)?([^<>\s]+@[^<>\s]+?)>?\s*$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();

    [GeneratedRegex(@"=\r?\n")]
    private static partial Regex SoftBreak();

    [GeneratedRegex(@"/account/link\?token=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")]
    private static partial Regex LinkToken();
}
