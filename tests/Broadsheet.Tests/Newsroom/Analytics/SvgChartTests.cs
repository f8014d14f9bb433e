using AngleSharp;
using Broadsheet.Newsroom.Analytics;

namespace Broadsheet.Tests.Newsroom.Analytics;

public sealed class SvgChartTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static IReadOnlyList<ChartPoint> Days(params long[] values) =>
        [.. values.Select((v, i) => new ChartPoint(Today.AddDays(i - values.Length + 1), v))];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(201, 500)]
    [InlineData(999_999, 1_000_000)]
    public void The_scale_tops_out_at_the_next_one_two_or_five(long max, long expected) => SvgChart.ScaleMax(max).ShouldBe(expected);

    [Fact]
    public void Bars_share_the_width_and_stand_in_proportion_on_the_baseline()
    {
        var bars = SvgChart.Bars(Days(10, 5, 0, 20), 20);
        var baseline = SvgChart.Top + SvgChart.PlotHeight;
        bars.Count.ShouldBe(4);
        bars.Select(b => b.Height).ShouldBe([SvgChart.PlotHeight / 2.0, SvgChart.PlotHeight / 4.0, 0, SvgChart.PlotHeight]);
        bars.ShouldAllBe(b => Math.Abs(b.Y + b.Height - baseline) < 0.01);
        bars.ShouldAllBe(b => Math.Abs(b.Width - SvgChart.PlotWidth / 4.0 * 0.8) < 0.01);
        bars.Zip(bars.Skip(1)).ShouldAllBe(p => p.Second.X > p.First.X + p.First.Width);
        bars[0].X.ShouldBeGreaterThanOrEqualTo(SvgChart.Left);
        (bars[^1].X + bars[^1].Width).ShouldBeLessThanOrEqualTo(SvgChart.Width - SvgChart.Right);
    }

    [Fact]
    public void Missing_days_are_zeros_and_days_outside_the_window_are_left_out()
    {
        var (from, to) = DailySeries.Window(Today, 30);
        from.ShouldBe(Today.AddDays(-29));
        var points = DailySeries.Fill(from, to, [(Today, 4), (Today, 1), (Today.AddDays(-3), 2), (Today.AddDays(-30), 99), (Today.AddDays(1), 99)]);
        points.Count.ShouldBe(30);
        points[^1].ShouldBe(new ChartPoint(Today, 5));
        points[^4].ShouldBe(new ChartPoint(Today.AddDays(-3), 2));
        points.Sum(p => p.Value).ShouldBe(7);
    }

    [Fact]
    public async Task The_figure_carries_a_title_a_summary_and_a_hidden_table_of_the_same_numbers()
    {
        var points = Days(3, 0, 12);
        var doc = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(SvgChart.Render("chart-views", "Views per day", "views", points)));

        var svg = doc.QuerySelector("svg")!;
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("chart-views-title chart-views-desc");
        doc.GetElementById("chart-views-title")!.TextContent.ShouldBe("Views per day");
        doc.GetElementById("chart-views-desc")!.TextContent.ShouldBe("Views per day, 26 Nov – 28 Nov 2026 (UTC): 15 in all; most on 28 Nov (12).");
        doc.QuerySelectorAll("rect.chart-bar").Select(r => (r.GetAttribute("data-day"), r.GetAttribute("data-value")))
            .ShouldBe([("2026-11-26", "3"), ("2026-11-27", "0"), ("2026-11-28", "12")]);
        doc.QuerySelectorAll("table.visually-hidden tbody tr").Select(r => (r.QuerySelector("time")!.GetAttribute("datetime"), r.QuerySelector("td")!.TextContent))
            .ShouldBe([("2026-11-26", "3"), ("2026-11-27", "0"), ("2026-11-28", "12")]);
        doc.QuerySelectorAll("text.chart-tick").Select(t => t.TextContent).ShouldContain("20"); // the scale's top
    }

    [Fact]
    public async Task Words_are_escaped_and_ids_must_be_plain()
    {
        var html = SvgChart.Render("chart-x", "Views <script>alert(1)</script> & \"more\"", "<b>views</b>", Days(1));
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b>");
        var doc = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        doc.GetElementById("chart-x-title")!.TextContent.ShouldBe("Views <script>alert(1)</script> & \"more\"");
        Should.Throw<ArgumentException>(() => SvgChart.Render("x\" onload=\"alert(1)", "t", "v", Days(1)));
    }

    [Fact]
    public void An_empty_chart_says_so_and_still_draws()
    {
        SvgChart.Summary("Votes per day", Days(0, 0)).ShouldBe("Votes per day, 27 Nov – 28 Nov 2026 (UTC): none.");
        SvgChart.Render("chart-votes", "Votes per day", "votes", Days(0, 0)).ShouldContain("data-value=\"0\"");
    }
}
