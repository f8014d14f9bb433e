using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletters;

[Trait("Category", "Integration")]
public sealed class DigestTests
{
    /// <summary>A zone far from UTC, so a digest at "07:00" in UTC would be hours off.</summary>
    private const string Zone = "Asia/Tokyo";

    [Fact]
    public async Task The_daily_digest_goes_out_once_at_the_local_digest_time_with_the_days_stories_of_the_followed_section()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        // Tomorrow at 06:58 in Tokyo: every poll of the run-up sees a time before the digest's.
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, tokyo).Date.AddDays(1).AddHours(6).AddMinutes(58);
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localStart, tokyo), TimeSpan.Zero);
        await using var app = new ClockedNewslettersApp(start, new("Site:TimeZone", Zone), new("Newsletters:DigestTime", "07:00"));
        await app.InitializeAsync();

        var section = await app.CategoryAsync();
        var (daily, weekly) = (TestReaders.Email(), TestReaders.Email());
        await app.SubscriberAsync(SubscriptionKind.Category, section.Id, daily, frequency: Frequency.Daily);
        await app.SubscriberAsync(SubscriptionKind.Category, section.Id, weekly, frequency: Frequency.Weekly);
        var now = start.UtcDateTime;
        var fresh = await app.ArticleAsync(a => a.PublishedAt = now.AddHours(-3), category: section);
        var old = await app.ArticleAsync(a => a.PublishedAt = now.AddDays(-3), category: section);

        // Polls run at 06:58 local: no digest yet.
        await WaitForPollsAsync(app);
        app.Mailbox.To(daily).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.NewsletterRuns.CountAsync(r => r.Key.StartsWith("digest:")))).ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromMinutes(3)); // 07:01 local
        var digest = app.WaitForMail(daily, m => m.Subject == $"Your daily digest: {section.Name}");
        digest.TextBody!.ShouldContain(fresh.Title);
        digest.TextBody!.ShouldNotContain(old.Title);
        (await app.WithDbAsync(db => db.NewsletterRuns.CountAsync(r => r.Key == $"digest:daily:{localStart:yyyy-MM-dd}"))).ShouldBe(1);

        // Later polls the same day find the period's row and queue nothing more.
        await WaitForPollsAsync(app);
        app.Mailbox.To(daily).Count(m => m.Subject?.StartsWith("Your daily digest", StringComparison.Ordinal) == true).ShouldBe(1);
        if (localStart.DayOfWeek != DayOfWeek.Monday) app.Mailbox.To(weekly).ShouldBeEmpty();
    }

    /// <summary>Lets the sender poll a few times (each 0.2 s apart) on the wall clock.</summary>
    private static async Task WaitForPollsAsync(BroadsheetApp app)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        _ = app.Mailbox.All(); // and waits for the outbox to drain
    }
}
