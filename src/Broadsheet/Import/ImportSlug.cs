using Broadsheet.Shared;

namespace Broadsheet.Import;

/// <summary>
/// Our slugs are lower-case ASCII; WordPress slugs may be percent-encoded unicode. Decode, then
/// apply our own <see cref="Slug.From"/> (which transliterates); when nothing usable is left, a
/// stable fallback from the id.
/// </summary>
public static class ImportSlug
{
    public static string From(string wordpressSlug, string fallback, int maxLength = 80)
    {
        var slug = Slug.From(Decode(wordpressSlug), maxLength);
        return Slug.IsValid(slug) ? slug : fallback;
    }

    /// <summary>"caf%c3%a9" → "café"; sequences that are not valid percent-encoding stay as they are.</summary>
    public static string Decode(string raw) => Uri.UnescapeDataString(raw ?? "");

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
}
