using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Mail;
using Broadsheet.Newsroom.Analytics;
using Broadsheet.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsletters.Newsroom;

/// <summary>
/// /newsroom/newsletters: the newsletters and their issues, subscribers per newsletter and per
/// followed item (now and over 30 days), and each sent issue's mail as the outbox counts it.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[NeverStored]
public sealed class IndexModel(BroadsheetDb db, MailOutbox outbox, TimeProvider clock) : PageModel
{
    public sealed record IssueRow(NewsletterIssue Issue, string Newsletter, BatchCounts? Counts);
    public sealed record Chart(string Id, string Title, IReadOnlyList<ChartPoint> Points);

    public List<SubscriberLine> Lines { get; private set; } = [];
    public List<IssueRow> Issues { get; } = [];
    public List<Chart> Charts { get; } = [];
    public List<Newsletter> Newsletters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Newsletters = await db.Newsletters.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        Lines = await SubscriberCounts.LinesAsync(db, ct);
        foreach (var n in Newsletters)
            Charts.Add(new($"chart-newsletter-{n.Id}", $"{n.Name}: subscribers",
                await SubscriberCounts.OverTimeAsync(db.Subscriptions.Where(s => s.Kind == SubscriptionKind.Newsletter && s.TargetId == n.Id), now, ct)));
        Charts.Add(new("chart-followed", "Email about followed authors, sections and topics: subscriptions",
            await SubscriberCounts.OverTimeAsync(db.Subscriptions.Where(s => s.Kind != SubscriptionKind.Newsletter), now, ct)));
        var names = Newsletters.ToDictionary(n => n.Id, n => n.Name);
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt ?? i.ScheduledAt ?? i.UpdatedAt).Take(50).ToListAsync(ct);
        foreach (var i in issues)
            Issues.Add(new(i, names.GetValueOrDefault(i.NewsletterId, ""), i.Batch is { } batch ? await outbox.CountsAsync(batch) : null));
    }
}
