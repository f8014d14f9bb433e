namespace Broadsheet.Ranking;

/// <summary>
/// How "hot" a story is, in the spirit of Hacker News and Lobsters: engagement divided by
/// a power of age, so a new story with a little activity rises above an old one with a lot,
/// and everything cools over a day or two.
///
///   hotness = (points + 2 × comments + views / 100 + 1) / (age in hours + 2) ^ 1.5
///
/// A comment is worth two points (it costs the reader more than a click); a hundred views are
/// worth one point (views are plentiful and cheap). Negative points can sink a story below
/// zero. The +1 lets a brand-new story with no engagement still rank by freshness, and the
/// +2 hours keeps the first minutes from dividing by almost nothing.
/// </summary>
public static class Hotness
{
    public const double Gravity = 1.5;

    public static double Of(int points, int comments, long views, TimeSpan age) =>
        (points + 2.0 * comments + views / 100.0 + 1) / AgeDivisor(age);

    /// <summary>The denominator alone, for writers that compute the numerator in SQL (see <see cref="SqlEngagement"/>).</summary>
    public static double AgeDivisor(TimeSpan age) => Math.Pow(Math.Max(0, age.TotalHours) + 2, Gravity);

    /// <summary>
    /// The numerator over an "Articles" row, so a writer holding the row lock can set hotness in the
    /// same statement batch as the counters it just changed. Must stay the same formula as <see cref="Of"/>
    /// (a test compares them).
    /// </summary>
    public const string SqlEngagement = """("Upvotes" - "Downvotes" + 2.0 * "CommentCount" + "ViewCount" / 100.0 + 1)""";
}
