using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Newsletters;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// "Morning briefing" with yesterday's issue already sent, a "Breaking news" list, and a few
/// subscribers: demo readers (accounts) and two confirmed anonymous addresses, so the newsroom's
/// subscriber table and chart show something from the first start. Nothing is queued: the sent
/// issue is history, not mail (its addresses are on the .invalid domain anyway).
/// </summary>
public static class DemoNewsletters
{
    public static async Task SeedAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        var briefing = new Newsletter { Name = "Morning briefing", Slug = "morning-briefing", Description = "The day's stories before breakfast, chosen by the editors.", CreatedAt = now.AddDays(-30) };
        var breaking = new Newsletter { Name = "Breaking news", Slug = "breaking-news", Description = "Only when something big happens.", CreatedAt = now.AddDays(-30) };
        db.Newsletters.AddRange(briefing, breaking);
        await db.SaveChangesAsync(ct);

        var top = await db.Articles.AsNoTracking().Live(now).Where(a => a.PublishedAt >= now.AddDays(-2)).Newest().Take(3)
            .Select(a => new { a.Title, a.Slug, a.Standfirst }).ToListAsync(ct);
        var body = "Good morning. Here is what matters today.\n\n"
            + string.Concat(top.Select(a => $"## [{a.Title}](/articles/{a.Slug})\n\n{a.Standfirst}\n\n"))
            + "Have a good day,\nThe editors";
        var sentAt = now.Date.AddDays(-1).AddHours(7);
        var readers = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@demo.invalid")).OrderBy(u => u.Id).Take(9).Select(u => u.Id).ToListAsync(ct);
        db.NewsletterIssues.Add(new NewsletterIssue
        {
            NewsletterId = briefing.Id, Subject = $"Morning briefing, {sentAt:d MMMM}", BodyMarkdown = body, Status = IssueStatus.Sent,
            ScheduledAt = sentAt, SentAt = sentAt, Batch = null, Recipients = readers.Count + 2, CreatedAt = sentAt.AddHours(-9), UpdatedAt = sentAt,
        });
        for (var i = 0; i < readers.Count; i++)
        {
            var joined = now.AddDays(-25 + i * 2);
            db.Subscriptions.Add(new Subscription { UserId = readers[i], Kind = SubscriptionKind.Newsletter, TargetId = briefing.Id, Frequency = Frequency.EachStory, CreatedAt = joined, ConfirmedAt = joined });
            if (i % 3 == 0)
                db.Subscriptions.Add(new Subscription { UserId = readers[i], Kind = SubscriptionKind.Newsletter, TargetId = breaking.Id, Frequency = Frequency.EachStory, CreatedAt = joined, ConfirmedAt = joined });
        }
        foreach (var (address, days) in new[] { ("early-riser@demo.invalid", 20), ("commuter@demo.invalid", 6) })
            db.Subscriptions.Add(new Subscription { Email = address, Kind = SubscriptionKind.Newsletter, TargetId = briefing.Id, Frequency = Frequency.EachStory, CreatedAt = now.AddDays(-days), ConfirmedAt = now.AddDays(-days) });
        await db.SaveChangesAsync(ct);
    }
}
