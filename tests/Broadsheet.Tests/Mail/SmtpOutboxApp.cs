using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// The app sending its outbox through a real SMTP server on loopback (<see cref="Smtp"/>), whose
/// answers a test scripts per address. Retries come quickly (0.05 s, doubling) so a 451 is
/// retried within the test.
/// </summary>
public class SmtpOutboxApp : BroadsheetApp
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
        new("Email:From", "Broadsheet <news@news.example>"),
        new("Email:Outbox:RetrySeconds", "0.05"),
        new("Email:Outbox:MaxRetrySeconds", "0.2"),
        .. Extra,
    ];

    protected virtual IEnumerable<KeyValuePair<string, string>> Extra => [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public async Task<int> QueueBulkAsync(BulkMail mail, IReadOnlyList<BulkRecipient> to)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueBulkAsync(mail, to, CancellationToken.None);
    }

    public async Task<BatchCounts> CountsAsync(string batch)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().CountsAsync(batch);
    }

    /// <summary>Waits until no row of the batch is waiting any more (sent, failed or skipped); fails after <paramref name="seconds"/>.</summary>
    public async Task<BatchCounts> SettledAsync(string batch, int seconds = 30)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(seconds); await Task.Delay(100))
        {
            var counts = await CountsAsync(batch);
            if (counts.Queued == 0 && counts.Deferred == 0) return counts;
        }
        throw new Xunit.Sdk.XunitException($"Batch {batch} never settled: {await CountsAsync(batch)}");
    }

    public Task<List<OutboxMail>> RowsOfAsync(string batch) =>
        WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Batch == batch).OrderBy(m => m.Id).ToListAsync());

    public static string NewBatch() => $"test-issue:{Guid.NewGuid():N}";

    public static List<BulkRecipient> Recipients(int count) => [.. Enumerable.Range(0, count).Select(_ => Recipient(TestReaders.Email()))];

    public static BulkRecipient Recipient(string to) =>
        new(to, $"https://news.example/email/unsubscribe?token={Guid.NewGuid():N}&list=1", $"https://news.example/email/preferences?token={Guid.NewGuid():N}&x=1");
}
