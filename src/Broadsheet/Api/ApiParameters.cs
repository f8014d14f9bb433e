using Broadsheet.Shared;
using System.Globalization;

namespace Broadsheet.Api;

/// <summary>
/// The query parameters every list shares, parsed without a database: paging, dates, fields.
/// Each returns null when the input is good, else the sentence the 400 answer carries.
/// </summary>
public static class ApiParameters
{
    public const int DefaultLimit = 15;
    public const int MaxLimit = 100;

    /// <summary>Every field of an article object, as named in JSON.</summary>
    public static readonly IReadOnlyList<string> ArticleFields =
        ["id", "slug", "title", "standfirst", "url", "publishedAt", "updatedAt", "readingMinutes", "category", "author", "tags", "image", "counts", "html"];

    /// <summary>What a list gives without fields=: everything but the body, which is the bulk of the bytes.</summary>
    public static readonly IReadOnlySet<string> ListFields = ArticleFields.Where(f => f != "html").ToHashSet();

    public static readonly IReadOnlySet<string> AllFields = ArticleFields.ToHashSet();

    public static string? Paging(string? pageRaw, string? limitRaw, int defaultLimit, out int page, out int limit)
    {
        limit = defaultLimit;
        if (!Shared.Paging.TryParse(Blank(pageRaw), out page))
            return $"page must be a whole number from 1 to {Shared.Paging.MaxPage:#,0}.";
        if (Blank(limitRaw) is { } l && !(int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
            return $"limit must be a whole number from 1 to {MaxLimit}.";
        return null;
    }

    /// <summary>
    /// from/to as a half-open range [from, to). A date (2026-03-01) means its whole UTC day, so
    /// to=2026-03-01 includes that day; a date-time with an offset (2026-03-01T09:30:00Z) is that instant.
    /// </summary>
    public static string? Dates(string? fromRaw, string? toRaw, out DateTime? from, out DateTime? to)
    {
        to = null;
        if (!TryDate(fromRaw, endOfDay: false, out from)) return "from must be a date like 2026-03-01 or a date-time like 2026-03-01T09:30:00Z.";
        if (!TryDate(toRaw, endOfDay: true, out to)) return "to must be a date like 2026-03-01 or a date-time like 2026-03-01T09:30:00Z.";
        if (from is not null && to is not null && from >= to) return "from must come before to.";
        return null;
    }

    private static bool TryDate(string? raw, bool endOfDay, out DateTime? value)
    {
        value = null;
        if (Blank(raw) is not { } s) return true;
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day))
        {
            value = DateTime.SpecifyKind(endOfDay ? day.AddDays(1) : day, DateTimeKind.Utc);
        }
        else if (s.Length > 10 && s[10] == 'T' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var instant))
        {
            value = endOfDay ? instant.UtcDateTime.AddTicks(1) : instant.UtcDateTime;
        }
        else return false;
        return value.Value.Year is >= 1900 and <= 2200;
    }

    /// <summary>fields=a,b (only these) or include=html (the defaults plus the body); unknown names are an error.</summary>
    public static string? Fields(string? fieldsRaw, string? includeRaw, IReadOnlySet<string> defaults, out IReadOnlySet<string> fields)
    {
        fields = defaults;
        var include = Split(includeRaw);
        if (include.FirstOrDefault(i => i != "html") is { } badInclude)
            return $"include takes only html, not “{Clip(badInclude)}”.";
        if (Split(fieldsRaw) is { Count: > 0 } chosen)
        {
            if (chosen.FirstOrDefault(f => !AllFields.Contains(f)) is { } unknown)
                return $"Unknown field “{Clip(unknown)}”. Fields: {string.Join(", ", ArticleFields)}.";
            fields = chosen.Concat(include).ToHashSet();
        }
        else if (include.Count > 0) fields = defaults.Concat(include).ToHashSet();
        return null;
    }

    /// <summary>A slug filter: absent, or a well-formed slug; a malformed one names nothing.</summary>
    public static string? SlugFilter(string name, string? raw, out string? slug)
    {
        slug = Blank(raw);
        return slug is null || Slug.IsValid(slug) ? null : $"There is no {name} “{Clip(slug)}”.";
    }

    private static List<string> Split(string? raw) =>
        (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
