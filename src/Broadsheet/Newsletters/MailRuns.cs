using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Newsletters;

/// <summary>
/// What the sender queues, each safe with several instances running it at once:
/// alerts behind a claimed high-water mark, digests behind a row per period that only one
/// instance can insert, issues behind a conditional status flip. Each queues its mail in the same
/// transaction as that marker, so a crash before the commit queues nothing and the next poll
/// does it all again, and the outbox skips a batch already queued for an address.
/// </summary>
public sealed class MailRuns(BroadsheetDb db, MailOutbox outbox, Recipients recipients, SiteOrigin origin,
    IOptionsMonitor<SiteOptions> site, IOptionsMonitor<NewsletterOptions> options, TimeProvider clock, ILogger<MailRuns> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues an alert for each story published since the mark; returns how many stories.</summary>
    public async Task<int> AlertsAsync(CancellationToken ct)
    {
        var now = Now;
        // The first run starts the mark now: the archive is not alerted.
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "NewsletterRuns" ("Key", "Mark", "MarkId", "CreatedAt") VALUES ({0}, {1}, 0, {1}) ON CONFLICT ("Key") DO NOTHING""",
            [NewsletterRun.Alerts, now], ct);
        var until = now.AddSeconds(Math.Max(1, options.CurrentValue.ClaimSeconds));
        var claimed = await db.NewsletterRuns.Where(r => r.Key == NewsletterRun.Alerts && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, until), ct);
        if (claimed == 0) return 0; // another instance is on it
        var done = 0;
        try
        {
            var run = await db.NewsletterRuns.AsNoTracking().FirstAsync(r => r.Key == NewsletterRun.Alerts, ct);
            var (mark, markId) = (run.Mark, run.MarkId);
            var settled = now.AddSeconds(-Math.Max(0, options.CurrentValue.SettleSeconds));
            var stories = await db.Articles.AsNoTracking().Live(settled)
                .Where(a => a.PublishedAt > mark || (a.PublishedAt == mark && a.Id > markId))
                .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Take(50)
                .Select(a => new
                {
                    a.Id, a.Title, a.Slug, a.Standfirst, PublishedAt = a.PublishedAt!.Value, a.AuthorId, a.CategoryId,
                    Author = a.Author.DisplayName, Section = a.Category.Name, Tags = a.Tags.Select(t => t.Id).ToList(),
                })
                .ToListAsync(ct);
            foreach (var s in stories)
            {
                int[] tags = [.. s.Tags];
                var rows = db.Subscriptions.Where(x => x.Frequency == Frequency.EachStory
                    && ((x.Kind == SubscriptionKind.Author && x.TargetId == s.AuthorId)
                        || (x.Kind == SubscriptionKind.Category && x.TargetId == s.CategoryId)
                        || (x.Kind == SubscriptionKind.Tag && tags.Contains(x.TargetId))));
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var to = await recipients.OfAsync(rows, ct);
                if (to.Count > 0)
                {
                    var content = new MailContent(site.CurrentValue.Name, s.Title,
                        $"You asked for an alert for each new story by {s.Author}, in {s.Section} or on one of its topics.",
                        [new MailStory(s.Title, origin.Absolute($"/articles/{s.Slug}"), s.Standfirst)]);
                    await outbox.QueueBulkAsync(new BulkMail($"alert:{s.Id}", s.Title, EmailLayout.Text(content), EmailLayout.Html(content)), to, ct);
                }
                await db.NewsletterRuns.Where(r => r.Key == NewsletterRun.Alerts)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Mark, s.PublishedAt).SetProperty(r => r.MarkId, s.Id), ct);
                await tx.CommitAsync(ct);
                done++;
                if (to.Count > 0) log.LogInformation("Alert for story {Id} queued for {Count} address(es)", s.Id, to.Count);
            }
        }
        finally
        {
            await db.NewsletterRuns.Where(r => r.Key == NewsletterRun.Alerts).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        }
        return done;
    }

    /// <summary>Queues today's daily digest (and on the weekly day the weekly one) once the local digest time has passed; returns digests queued.</summary>
    public async Task<int> DigestsAsync(CancellationToken ct)
    {
        var now = Now;
        var zone = site.CurrentValue.Zone();
        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        var settings = options.CurrentValue;
        if (local.TimeOfDay < settings.DigestTime) return 0;
        var at = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date + settings.DigestTime, DateTimeKind.Unspecified), zone);
        var day = DateOnly.FromDateTime(local);
        var queued = await PeriodAsync(Frequency.Daily, $"digest:daily:{day:yyyy-MM-dd}", at.AddDays(-1), at, "Your daily digest", ct);
        if (local.DayOfWeek == settings.WeeklyDay)
            queued += await PeriodAsync(Frequency.Weekly, $"digest:weekly:{day:yyyy-MM-dd}", at.AddDays(-7), at, "Your weekly digest", ct);
        return queued;
    }

    private async Task<int> PeriodAsync(Frequency frequency, string key, DateTime since, DateTime until, string heading, CancellationToken ct)
    {
        if (await db.NewsletterRuns.AnyAsync(r => r.Key == key, ct)) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "NewsletterRuns" ("Key", "Mark", "MarkId", "CreatedAt") VALUES ({0}, {1}, 0, {2}) ON CONFLICT ("Key") DO NOTHING""",
            [key, until, Now], ct);
        if (inserted == 0) return 0; // another instance has this period
        var targets = await db.Subscriptions.Where(s => s.Frequency == frequency && s.ConfirmedAt != null && s.Kind != SubscriptionKind.Newsletter)
            .Select(s => new { s.Kind, s.TargetId }).Distinct().ToListAsync(ct);
        var names = await SubscriptionTarget.OfAsync(db, targets.Select(t => (t.Kind, t.TargetId)), ct);
        var queued = 0;
        foreach (var t in targets)
        {
            if (!names.TryGetValue((t.Kind, t.TargetId), out var target)) continue;
            var stories = db.Articles.AsNoTracking().Live(until).Where(a => a.PublishedAt > since);
            stories = t.Kind switch
            {
                SubscriptionKind.Author => stories.Where(a => a.AuthorId == t.TargetId),
                SubscriptionKind.Category => stories.Where(a => a.CategoryId == t.TargetId),
                _ => stories.Where(a => a.Tags.Any(g => g.Id == t.TargetId)),
            };
            var list = await stories.Newest().Take(Math.Max(1, options.CurrentValue.DigestStories))
                .Select(a => new MailStory(a.Title, a.Slug, a.Standfirst)).ToListAsync(ct);
            if (list.Count == 0) continue; // nothing new: no mail at all
            var to = await recipients.OfAsync(db.Subscriptions.Where(s => s.Frequency == frequency && s.Kind == t.Kind && s.TargetId == t.TargetId), ct);
            if (to.Count == 0) continue;
            var content = new MailContent(site.CurrentValue.Name, $"{heading}: {target.Name}",
                $"You chose a {(frequency == Frequency.Daily ? "daily" : "weekly")} digest of {target.Described}.",
                [.. list.Select(s => s with { Url = origin.Absolute($"/articles/{s.Url}") })]);
            var batch = $"{key}:{t.Kind.ToString().ToLowerInvariant()}:{t.TargetId}";
            await outbox.QueueBulkAsync(new BulkMail(batch, content.Heading, EmailLayout.Text(content), EmailLayout.Html(content)), to, ct);
            queued++;
        }
        await tx.CommitAsync(ct);
        log.LogInformation("Digest {Key}: {Count} mail(s) queued", key, queued);
        return queued;
    }

    /// <summary>Queues every scheduled issue whose time has come; returns how many.</summary>
    public async Task<int> IssuesAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.NewsletterIssues.AsNoTracking().Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now)
            .Select(i => i.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = NewsletterIssue.BatchOf(id);
            var flipped = await db.NewsletterIssues.Where(i => i.Id == id && i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Sent).SetProperty(i => i.SentAt, now).SetProperty(i => i.Batch, batch), ct);
            if (flipped == 0) continue; // another instance took it, or an editor pulled it back
            var issue = await db.NewsletterIssues.AsNoTracking().FirstAsync(i => i.Id == id, ct);
            var newsletter = await db.Newsletters.AsNoTracking().FirstAsync(n => n.Id == issue.NewsletterId, ct);
            var to = await recipients.OfAsync(db.Subscriptions.Where(s => s.Kind == SubscriptionKind.Newsletter && s.TargetId == newsletter.Id), ct);
            if (to.Count > 0) await outbox.QueueBulkAsync(IssueMail.Compose(issue, newsletter, site.CurrentValue.Name, origin.Value), to, ct);
            await db.NewsletterIssues.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Recipients, to.Count), ct);
            await tx.CommitAsync(ct);
            log.LogInformation("Newsletter issue {Id} queued for {Count} subscriber(s)", id, to.Count);
            sent++;
        }
        return sent;
    }
}
