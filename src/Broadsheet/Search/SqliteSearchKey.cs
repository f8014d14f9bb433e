using Broadsheet.Data;
using System.Data.Common;
using System.Text;

namespace Broadsheet.Search;

/// <summary>
/// The SQLite index's rowid: whole seconds of PublishedAt × 2^31 + article id (see the
/// SearchLiveIndex migration, whose triggers compute the same in SQL). FTS5 walks rowids in
/// order and takes rowid ranges natively, so "newest first", "due by now" and the date filters
/// cost nothing per match; the other filters become tokens of the "Filters" column.
/// </summary>
internal static class SqliteSearchKey
{
    public const int IdBits = 31;
    public const long IdMask = (1L << IdBits) - 1;
    // Seconds are clamped so that × 2^31 stays inside 64 bits: years 1843 to 2096.
    private const long MaxSeconds = 4_000_000_000;

    public static int ArticleId(long key) => (int)(key & IdMask);

    /// <summary>The smallest key of the second that <paramref name="time"/> falls in.</summary>
    public static long SecondOf(DateTime time) =>
        Math.Clamp(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeSeconds(), -MaxSeconds, MaxSeconds) << IdBits;

    /// <summary>The key as SQL, for the article aliased "a" (a constant, so it is no injected text).</summary>
    public const string KeyOfA = """max(-4000000000, min(4000000000, CAST(strftime('%s', a."PublishedAt") AS INTEGER))) * 2147483648 + a."Id" """;

    /// <summary>
    /// "Due by now": every key before this second, and in this second those whose exact time has
    /// come (a story published a moment ago is found at once; one due in half a second is not).
    /// </summary>
    public static void AddParameters(DbCommand command, SearchRequest request)
    {
        var second = SecondOf(request.Now);
        command.AddParameter("secondKey", second);
        command.AddParameter("dueKey", second + (1L << IdBits));
        command.AddParameter("nowSeconds", second >> IdBits);
        // The reader's dates are whole days, so whole seconds compare exactly.
        if (request.Filters.From is { } from) command.AddParameter("fromKey", SecondOf(from));
        if (request.Filters.To is { } to) command.AddParameter("toKey", SecondOf(to));
    }

    public static string DateRange(SearchFilters f) =>
        (f.From is null ? "" : " AND rowid >= @fromKey") + (f.To is null ? "" : " AND rowid < @toKey");

    /// <summary>Section, author and tag as terms of the match, on the filter column only.</summary>
    public static string FilterTerms(SearchFilters f)
    {
        var terms = new StringBuilder();
        if (f.CategoryId is { } c) terms.Append($" AND {{Filters}} : \"c{c}\"");
        if (f.AuthorId is { } a) terms.Append($" AND {{Filters}} : \"a{a}\"");
        if (f.TagId is { } t) terms.Append($" AND {{Filters}} : \"t{t}\"");
        return terms.ToString();
    }
}
