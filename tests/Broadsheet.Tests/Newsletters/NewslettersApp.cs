using Broadsheet.Data;
using Broadsheet.Newsletters;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using System.Diagnostics;

namespace Broadsheet.Tests.Newsletters;

/// <summary>The app with its newsletter sender polling every 0.2 s and no settle delay, and helpers to make lists and subscribers.</summary>
public class NewslettersApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Newsletters:PollSeconds", "0.2"),
        new("Newsletters:SettleSeconds", "0"),
        new("RateLimits:subscribe:Permits", "100000"),
    ];

    public async Task<Newsletter> NewsletterAsync() => await WithDbAsync(async db =>
    {
        var slug = TestNewsroom.Unique("briefing");
        var n = db.Newsletters.Add(new Newsletter { Name = $"Briefing {slug[^6..]}", Slug = slug, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return n;
    });

    /// <summary>An anonymous subscriber written straight to the table, confirmed or not.</summary>
    public async Task<Subscription> SubscriberAsync(SubscriptionKind kind, int targetId, string email, bool confirmed = true, Frequency frequency = Frequency.EachStory) =>
        await WithDbAsync(async db =>
        {
            var s = db.Subscriptions.Add(new Subscription
            {
                Email = email, Kind = kind, TargetId = targetId, Frequency = frequency, CreatedAt = DateTime.UtcNow,
                ConfirmedAt = confirmed ? DateTime.UtcNow : null,
            }).Entity;
            await db.SaveChangesAsync();
            return s;
        });

    public Task<List<Subscription>> SubscriptionsOfAsync(string email) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Subscriptions.Where(s => s.Email == email)));

    /// <summary>
    /// Waits (polling, up to 30 s) until a mail to the address matches: the sender queues on its
    /// own poll, so the mailbox may be empty at first. Fails the test with what did arrive.
    /// </summary>
    public MimeMessage WaitForMail(string address, Func<MimeMessage, bool> match)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); Thread.Sleep(100))
            if (Mailbox.To(address).FirstOrDefault(match) is { } found) return found;
        throw new Xunit.Sdk.XunitException($"No matching mail to {address}; got: {string.Join(" | ", Mailbox.To(address).Select(m => m.Subject))}");
    }
}

/// <summary>The same on a clock the test moves, starting at a given instant.</summary>
public sealed class ClockedNewslettersApp(DateTimeOffset start, params KeyValuePair<string, string>[] extra) : NewslettersApp
{
    public FakeTimeProvider Clock { get; } = new(start);

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Caching:PageSeconds", "0"), .. extra];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public static class Forms
{
    /// <summary>Opens the page, takes the token of its form posting to <paramref name="action"/>, and posts these fields with it.</summary>
    public static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> PostWithTokenAsync(this ReaderSession reader,
        string pagePath, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await reader.GetPageAsync(pagePath);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => (f.GetAttribute("action") ?? "").Split('?')[0] == action.Split('?')[0])
            ?? throw new Xunit.Sdk.XunitException($"No form posting to {action} on {pagePath}.");
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (k, v) in fields) values[k] = v;
        return await reader.PostAsync(action, values);
    }
}
