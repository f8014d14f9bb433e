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

    public static double Of(int points, int comments, long views, TimeSpan age)
    {
        var hours = Math.Max(0, age.TotalHours);
        var engagement = points + 2.0 * comments + views / 100.0 + 1;
        return engagement / Math.Pow(hours + 2, Gravity);
    }
}
