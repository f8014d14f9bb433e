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
        ["id", "slug", "title", "standfirst", "url", "publishedAt", "updatedAt", "readingMinutes", "category", "author", "authors", "tags", "image", "counts", "html", "plaintext"];

    /// <summary>The body's two forms, added by include= or formats= (Ghost's name).</summary>
    public static readonly IReadOnlyList<string> Formats = ["html", "plaintext"];

    /// <summary>What a list gives without fields=: everything but the body, which is the bulk of the bytes.</summary>
    public static readonly IReadOnlySet<string> ListFields = ArticleFields.Where(f => !Formats.Contains(f)).ToHashSet();

    /// <summary>What a single article gives without fields=: everything but the plain-text body, which few want twice.</summary>
    public static readonly IReadOnlySet<string> ItemFields = ArticleFields.Where(f => f != "plaintext").ToHashSet();

    public static readonly IReadOnlySet<string> AllFields = ArticleFields.ToHashSet();

    /// <summary>The values of order=; title sorts A to Z unless direction=desc, the others newest or most first.</summary>
    public static readonly IReadOnlyList<string> Orders = ["published", "updated", "title", "views", "points"];

    public static readonly IReadOnlyList<string> Directions = ["asc", "desc"];

    /// <summary>Query parameters that take a comma-separated list, so repeating one (tag=a&amp;tag=b) adds to the list; any other repeated parameter is refused.</summary>
    public static readonly IReadOnlySet<string> ListParameters = new HashSet<string> { "category", "tag", "author", "fields", "include", "formats" };

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

    /// <summary>fields=a,b (only these) or include=html,plaintext (the defaults plus the body in those forms); unknown names are an error.</summary>
    public static string? Fields(string? fieldsRaw, string? includeRaw, IReadOnlySet<string> defaults, out IReadOnlySet<string> fields)
    {
        fields = defaults;
        var include = Split(includeRaw);
        if (include.FirstOrDefault(i => !Formats.Contains(i)) is { } badInclude)
            return $"include and formats take html and plaintext, not “{Clip(badInclude)}”.";
        if (Split(fieldsRaw) is { Count: > 0 } chosen)
        {
            if (chosen.FirstOrDefault(f => !AllFields.Contains(f)) is { } unknown)
                return $"Unknown field “{Clip(unknown)}”. Fields: {string.Join(", ", ArticleFields)}.";
            fields = chosen.Concat(include).ToHashSet();
        }
        else if (include.Count > 0) fields = defaults.Concat(include).ToHashSet();
        return null;
    }

    /// <summary>
    /// A slug filter: comma-separated slugs (any of them), each "-slug" left out. A repeated
    /// parameter arrives joined with commas, so tag=a&amp;tag=b means a or b too. A malformed slug names nothing.
    /// </summary>
    public static string? SlugFilter(string name, string? raw, out SlugSet slugs)
    {
        slugs = SlugSet.Any;
        List<string> include = [], exclude = [];
        foreach (var item in Split(raw))
        {
            var (list, slug) = item.StartsWith('-') ? (exclude, item[1..]) : (include, item);
            if (!Slug.IsValid(slug)) return $"There is no {name} “{Clip(slug)}”.";
            list.Add(slug);
        }
        slugs = new SlugSet(include, exclude);
        return null;
    }

    /// <summary>order= and direction=; null when good. Title defaults to A to Z, everything else to newest or most first.</summary>
    public static string? Order(string? orderRaw, string? directionRaw, out ArticleOrder order)
    {
        order = ArticleOrder.Newest;
        var field = Blank(orderRaw) ?? "published";
        if (!Orders.Contains(field)) return $"order must be one of {string.Join(", ", Orders)}.";
        var direction = Blank(directionRaw);
        if (direction is not null && !Directions.Contains(direction)) return "direction must be asc or desc.";
        order = new ArticleOrder(field, direction is null ? field == "title" : direction == "asc");
        return null;
    }

    /// <summary>updated_since: a date (from its start) or a date-time with offset, like from=.</summary>
    public static string? UpdatedSince(string? raw, out DateTime? since) =>
        TryDate(raw, endOfDay: false, out since) ? null : "updated_since must be a date like 2026-03-01 or a date-time like 2026-03-01T09:30:00Z.";

    internal static List<string> Split(string? raw) =>
        (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>Slugs a filter takes (any of them; none means no restriction) and slugs it leaves out.</summary>
public sealed record SlugSet(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static readonly SlugSet Any = new([], []);

    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0;

    /// <summary>At most one slug taken and none left out: what search's filters can express.</summary>
    public bool IsSingle => Include.Count <= 1 && Exclude.Count == 0;
}

/// <summary>The article list's order: a field of <see cref="ApiParameters.Orders"/>, ascending or not.</summary>
public sealed record ArticleOrder(string Field, bool Ascending)
{
    public static readonly ArticleOrder Newest = new("published", false);
}
