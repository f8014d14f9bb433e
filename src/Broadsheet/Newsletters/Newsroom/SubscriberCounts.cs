using Broadsheet.Data;
using Broadsheet.Newsroom.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters.Newsroom;

/// <summary>One newsletter or followed item with its confirmed subscribers (and those still to confirm).</summary>
public sealed record SubscriberLine(SubscriptionTarget Target, int Confirmed, int Pending, int Daily, int Weekly, int Alerts);

/// <summary>
/// The newsroom's subscriber figures. A chart's day shows the confirmed subscriptions that exist
/// now and were confirmed by the end of that UTC day: unsubscribing deletes a row, so the past is
/// not kept, and a line that drops means people left since, not on that day.
/// </summary>
public static class SubscriberCounts
{
    public const int ChartDays = 30;

    public static async Task<List<SubscriberLine>> LinesAsync(BroadsheetDb db, CancellationToken ct)
    {
        var groups = await db.Subscriptions.AsNoTracking()
            .GroupBy(s => new { s.Kind, s.TargetId, s.Frequency, Confirmed = s.ConfirmedAt != null })
            .Select(g => new { g.Key.Kind, g.Key.TargetId, g.Key.Frequency, g.Key.Confirmed, Count = g.Count() })
            .ToListAsync(ct);
        var targets = await SubscriptionTarget.OfAsync(db, groups.Select(g => (g.Kind, g.TargetId)), ct);
        foreach (var n in await db.Newsletters.AsNoTracking().ToListAsync(ct))
            targets.TryAdd((SubscriptionKind.Newsletter, n.Id), new SubscriptionTarget(SubscriptionKind.Newsletter, n.Id, n.Slug, n.Name));
        return [.. targets.Values.Select(t =>
            {
                var mine = groups.Where(g => g.Kind == t.Kind && g.TargetId == t.Id).ToList();
                return new SubscriberLine(t,
                    mine.Where(g => g.Confirmed).Sum(g => g.Count), mine.Where(g => !g.Confirmed).Sum(g => g.Count),
                    mine.Where(g => g.Confirmed && g.Frequency == Frequency.Daily).Sum(g => g.Count),
                    mine.Where(g => g.Confirmed && g.Frequency == Frequency.Weekly).Sum(g => g.Count),
                    mine.Where(g => g.Confirmed && g.Frequency == Frequency.EachStory && t.Kind != SubscriptionKind.Newsletter).Sum(g => g.Count));
            })
            .OrderBy(l => l.Target.Kind != SubscriptionKind.Newsletter).ThenByDescending(l => l.Confirmed).ThenBy(l => l.Target.Name)];
    }

    /// <summary>Confirmed subscribers at the end of each of the last 30 UTC days, for the rows given.</summary>
    public static async Task<IReadOnlyList<ChartPoint>> OverTimeAsync(IQueryable<Subscription> rows, DateTime nowUtc, CancellationToken ct)
    {
        var (from, to) = DailySeries.Window(DateOnly.FromDateTime(nowUtc), ChartDays);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var before = await rows.CountAsync(s => s.ConfirmedAt != null && s.ConfirmedAt < start, ct);
        var during = await rows.Where(s => s.ConfirmedAt != null && s.ConfirmedAt >= start).Select(s => s.ConfirmedAt!.Value).ToListAsync(ct);
        var perDay = DailySeries.Fill(from, to, during.Select(d => (DateOnly.FromDateTime(d), 1L)));
        var running = (long)before;
        return [.. perDay.Select(p => new ChartPoint(p.Day, running += p.Value))];
    }
}
