using System.Globalization;

namespace Broadsheet.Bench.VoteStorm;

public sealed record Options(string BaseUrl, string Slug, string MailDirectory, int Readers, int SignInParallel,
    string? ExpectedFile, TimeSpan Timeout, int Attempts, string EmailFormat, int? AppPid, int Rounds, TimeSpan Settle, bool MintedLinks,
    string? CookiesOut = null, double[]? Rates = null, TimeSpan Think = default, int Warmup = 0)
{
    public static Options? Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            map[args[i][2..]] = args[++i];
        }
        string? Get(string key) => map.GetValueOrDefault(key);
        int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        if (Get("base") is not { } url || Get("slug") is not { } slug || Get("mail") is not { } mail) return null;
        return new Options(url, slug, mail, Int("readers", 1000), Int("sign-in-parallel", 8), Get("expected"),
            TimeSpan.FromSeconds(Int("timeout", 60)), Int("attempts", 30), Get("email-format") ?? "reader{0:D4}@bench.test",
            Get("app-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null, Math.Max(1, Int("rounds", 1)),
            TimeSpan.FromSeconds(Int("settle", 0)), Get("minted-links") == "true", Get("cookies-out"),
            Get("rates") is { Length: > 0 } rates ? [.. rates.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))] : null,
            TimeSpan.FromMilliseconds(Int("think-ms", 500)), Math.Max(0, Int("warmup", 0)));
    }
}

/// <summary>One simulated reader: a cookie jar, a vote token, and the vote they should end with.</summary>
public sealed class Reader(int index, string email)
{
    /// <summary>A documentation-range address of the reader's own (198.18.0.0/15, for benchmarks).</summary>
    public string Address { get; } = $"198.18.{index / 250}.{index % 250 + 1}";

    public int Index { get; } = index;
    public string Email { get; } = email;
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);
    public string VoteTokenField { get; set; } = "__RequestVerificationToken";
    public string? VoteToken { get; set; }

    /// <summary>
    /// The sign-in link votes.sh put in the database for this reader (with --minted-links): 32 bytes
    /// of SHA-256 of "votes-bench-{index}" in base64url, as the app's own links are shaped; the
    /// database holds its hash, as for a link the app mailed.
    /// </summary>
    public string MintedToken => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"votes-bench-{Index}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>1 or -1 once the last vote was accepted; null when it was given up on.</summary>
    public int? Expected { get; set; }

    /// <summary>Half the readers post as htmx (200 and the widget), half as plain forms (302).</summary>
    public bool Htmx => Index % 2 == 0;
}

public readonly record struct Tally(int Up, int Down)
{
    public override string ToString() => $"{Up + Down} Votes: {Up} Upvotes, {Down} Downvotes ({Up - Down} Points)";
}
