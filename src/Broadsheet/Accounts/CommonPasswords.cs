using System.Reflection;

namespace Broadsheet.Accounts;

/// <summary>
/// The most common passwords, shipped inside the assembly as common-passwords.txt. NIST 800-63B
/// asks that these be refused instead of imposing character-class rules, because they are the
/// first guesses of any attacker whatever classes they happen to mix.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "Broadsheet.Accounts.common-passwords.txt";

    // Loaded on first use, not at start-up: only sign-up and password change need it, and a
    // missing resource should fail those loudly rather than stop the whole site booting.
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds (comments and blank lines not counted).</summary>
    public static int Count => List.Value.Count;

    /// <summary>
    /// True when <paramref name="password"/> is on the list. Surrounding spaces and case are
    /// ignored: "Password123 " is no harder to guess than "password123".
    /// </summary>
    public static bool Contains(string password)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            return false;
        }

        return List.Value.Contains(password.Trim().ToLowerInvariant());
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource {ResourceName} is missing from {typeof(CommonPasswords).Assembly.GetName().Name}; " +
                "check the EmbeddedResource item in Broadsheet.csproj.");
        using var reader = new StreamReader(stream);

        // Case-insensitive as well as lowercased on the way in, so an entry with a capital
        // letter in some future copy of the list still matches.
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length == 0 || entry.StartsWith('#'))
            {
                continue;
            }

            set.Add(entry.ToLowerInvariant());
        }

        return set;
    }
}
