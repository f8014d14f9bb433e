using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Shared;

/// <summary>
/// How every secret we hand out is stored (sign-in and reset tokens, API keys, preview links):
/// only the lowercase hex SHA-256 of the secret, so a leaked table opens nothing. The secrets are
/// long and random, so a plain hash (no salt, no stretching) is enough and stays a cheap index lookup.
/// </summary>
public static class TokenHash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
