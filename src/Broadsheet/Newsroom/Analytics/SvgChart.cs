using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Broadsheet.Newsroom.Analytics;

/// <summary>A bar's place in the chart's own coordinates (the viewBox), for a value on a day.</summary>
public readonly record struct ChartBar(DateOnly Day, long Value, double X, double Y, double Width, double Height);

/// <summary>
/// A bar chart of one number per day, drawn on the server as inline SVG: no script, nothing for
/// the Content-Security-Policy to refuse, and it prints. Screen readers get a role="img" with a
/// title and a one-sentence summary, then the numbers themselves in a visually hidden table.
/// Colours come from the stylesheet (classes only; no inline styles under our CSP).
/// </summary>
public static partial class SvgChart
{
    public const int Width = 720, Height = 220;
    public const int Left = 44, Right = 8, Top = 12, Bottom = 26;
    public const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <summary>The top of the scale: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value (1 for an all-zero chart).</summary>
    public static long ScaleMax(long max)
    {
        if (max <= 1) return 1;
        for (long power = 1; ; power *= 10)
            foreach (var step in (ReadOnlySpan<long>)[1, 2, 5])
                if (step * power >= max) return step * power;
    }

    /// <summary>One bar per point, left to right, each in an equal slot with a small gap; heights in proportion to <paramref name="scaleMax"/>.</summary>
    public static IReadOnlyList<ChartBar> Bars(IReadOnlyList<ChartPoint> points, long scaleMax)
    {
        if (points.Count == 0) return [];
        var slot = (double)PlotWidth / points.Count;
        var bars = new List<ChartBar>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var height = Math.Round(PlotHeight * (double)Math.Max(0, points[i].Value) / Math.Max(1, scaleMax), 2);
            bars.Add(new ChartBar(points[i].Day, points[i].Value, Math.Round(Left + i * slot + slot * 0.1, 2), Math.Round(Top + PlotHeight - height, 2),
                Math.Round(slot * 0.8, 2), height));
        }
        return bars;
    }

    /// <summary>"Views per day, 30 Oct – 28 Nov 2026 (UTC): 1,234 in all; most on 12 Nov (40)."</summary>
    public static string Summary(string what, IReadOnlyList<ChartPoint> points)
    {
        if (points.Count == 0) return $"{what}: no days to show.";
        var total = points.Sum(p => p.Value);
        var range = $"{Day(points[0].Day)} – {Day(points[^1].Day)} {points[^1].Day.Year} (UTC)";
        if (total == 0) return $"{what}, {range}: none.";
        var peak = points.MaxBy(p => p.Value);
        return $"{what}, {range}: {Shared.Counts.Number(total)} in all; most on {Day(peak.Day)} ({Shared.Counts.Number(peak.Value)}).";
    }

    /// <summary>The figure: the SVG and a visually hidden table of the same numbers. <paramref name="id"/> is a lower-case HTML id stem.</summary>
    public static string Render(string id, string title, string valueName, IReadOnlyList<ChartPoint> points)
    {
        if (!IdPattern().IsMatch(id)) throw new ArgumentException("A chart id is lower-case letters, digits and dashes.", nameof(id));
        var html = HtmlEncoder.Default;
        var scale = ScaleMax(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var s = new StringBuilder();
        s.Append($"""<figure class="chart" id="{id}">""");
        s.Append($"""<svg class="chart-svg" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">""");
        s.Append($"""<title id="{id}-title">{html.Encode(title)}</title><desc id="{id}-desc">{html.Encode(Summary(title, points))}</desc>""");
        AppendAxes(s, points, scale);
        s.Append("""<g class="chart-bars">""");
        foreach (var bar in Bars(points, scale))
            s.Append($"""<rect class="chart-bar" x="{N(bar.X)}" y="{N(bar.Y)}" width="{N(bar.Width)}" height="{N(bar.Height)}" data-day="{Iso(bar.Day)}" data-value="{bar.Value}"><title>{Day(bar.Day)}: {Shared.Counts.Number(bar.Value)} {html.Encode(valueName)}</title></rect>""");
        s.Append("</g></svg>");
        AppendTable(s, title, valueName, points);
        s.Append("</figure>");
        return s.ToString();
    }

    private static void AppendAxes(StringBuilder s, IReadOnlyList<ChartPoint> points, long scale)
    {
        s.Append("""<g class="chart-axis" aria-hidden="true">""");
        long[] ticks = scale % 2 == 0 ? [0, scale / 2, scale] : [0, scale];
        foreach (var tick in ticks)
        {
            var y = N(Math.Round(Top + PlotHeight - PlotHeight * (double)tick / scale, 2));
            s.Append($"""<line class="chart-grid" x1="{Left}" x2="{Width - Right}" y1="{y}" y2="{y}"/>""");
            s.Append($"""<text class="chart-tick" x="{Left - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">{Shared.Counts.Number(tick)}</text>""");
        }
        var slot = points.Count == 0 ? 0 : (double)PlotWidth / points.Count;
        // A label a week apart, counting back from today, so the newest day is always named.
        for (var i = points.Count - 1; i >= 0; i -= 7)
            s.Append($"""<text class="chart-tick" x="{N(Math.Round(Left + (i + 0.5) * slot, 2))}" y="{Height - 8}" text-anchor="middle">{Day(points[i].Day)}</text>""");
        s.Append("</g>");
    }

    private static void AppendTable(StringBuilder s, string title, string valueName, IReadOnlyList<ChartPoint> points)
    {
        var html = HtmlEncoder.Default;
        s.Append($"""<table class="visually-hidden chart-data"><caption>{html.Encode(title)}</caption>""");
        s.Append($"""<thead><tr><th scope="col">Day (UTC)</th><th scope="col">{html.Encode(valueName)}</th></tr></thead><tbody>""");
        foreach (var p in points)
            s.Append($"""<tr><th scope="row"><time datetime="{Iso(p.Day)}">{Day(p.Day)} {p.Day.Year}</time></th><td>{p.Value.ToString(CultureInfo.InvariantCulture)}</td></tr>""");
        s.Append("</tbody></table>");
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$")]
    private static partial Regex IdPattern();
}
