namespace Broadsheet.Newsroom.Analytics;

/// <summary>One day's number in a chart: views, votes or comments on that UTC day.</summary>
public readonly record struct ChartPoint(DateOnly Day, long Value);

/// <summary>Days as the newsroom counts them: whole UTC days, and a day with no rows is a zero, not a gap.</summary>
public static class DailySeries
{
    /// <summary>The last <paramref name="days"/> days ending with <paramref name="today"/>, oldest first.</summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly today, int days) => (today.AddDays(1 - Math.Max(1, days)), today);

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> (inclusive), with the counts found and zero elsewhere; counts outside the window are ignored.</summary>
    public static IReadOnlyList<ChartPoint> Fill(DateOnly from, DateOnly to, IEnumerable<(DateOnly Day, long Value)> counts)
    {
        var byDay = new Dictionary<DateOnly, long>();
        foreach (var (day, value) in counts)
            if (day >= from && day <= to) byDay[day] = byDay.GetValueOrDefault(day) + value;
        var points = new List<ChartPoint>();
        for (var day = from; day <= to; day = day.AddDays(1)) points.Add(new ChartPoint(day, byDay.GetValueOrDefault(day)));
        return points;
    }
}
