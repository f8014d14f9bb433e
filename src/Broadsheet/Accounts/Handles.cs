using Broadsheet.Shared;
using System.Security.Cryptography;

namespace Broadsheet.Accounts;

/// <summary>Public handles for /people/{handle}: a slug of the display name, made unique.</summary>
public static class Handles
{
    public const int MaxLength = 30;

    public static string Base(string displayName)
    {
        var slug = Slug.From(displayName, MaxLength);
        return slug.Length >= 2 ? slug : "reader";
    }

    /// <summary>Candidates in order: "ada-lovelace", "ada-lovelace-2" … then a random suffix that will not collide.</summary>
    public static IEnumerable<string> Candidates(string displayName)
    {
        var stem = Base(displayName);
        yield return stem;
        for (var n = 2; n <= 9; n++) yield return $"{stem}-{n}";
        while (true) yield return $"{stem[..Math.Min(stem.Length, MaxLength - 7)]}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
    }
}
