using Broadsheet.Shared;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Api;

/// <summary>
/// A key reads "bs_" + 8 prefix characters + "_" + 40 secret characters, all lower-case letters
/// and digits. The prefix (with "bs_") is stored in the clear to find the row and to name the key
/// in lists; only the SHA-256 of the whole key is stored. 40 characters from 36 symbols are about
/// 206 bits, so a plain hash is enough: there is nothing to brute-force, unlike a password.
/// </summary>
public static class ApiKeyFormat
{
    public const string Start = "bs_";
    public const int PrefixLength = 8;
    public const int SecretLength = 40;
    public const int Length = 3 + PrefixLength + 1 + SecretLength;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh key and the prefix that finds it.</summary>
    public static (string Key, string Prefix) Generate()
    {
        var prefix = Start + RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        return (prefix + "_" + RandomNumberGenerator.GetString(Alphabet, SecretLength), prefix);
    }

    /// <summary>The stored prefix of a well-formed key ("bs_" + 8 characters); false for anything else.</summary>
    public static bool TryGetPrefix(string? key, out string prefix)
    {
        prefix = "";
        if (key is null || key.Length != Length || !key.StartsWith(Start, StringComparison.Ordinal) || key[3 + PrefixLength] != '_') return false;
        for (var i = Start.Length; i < key.Length; i++)
            if (i != 3 + PrefixLength && !Alphabet.Contains(key[i])) return false;
        prefix = key[..(3 + PrefixLength)];
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the whole key, as stored in ApiKeys.SecretHash.</summary>
    public static string Hash(string key) => TokenHash.Of(key);

    /// <summary>Compares the presented key's hash with the stored one in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
