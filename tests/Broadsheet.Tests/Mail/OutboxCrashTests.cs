using System.Diagnostics;
using System.Globalization;
using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// The outbox across a crash and across instances, against a real SMTP server on loopback. The
/// app runs as its own process over the test's database and is SIGKILLed while the server holds
/// its reply to one message's DATA. A connection sends its next mail only once the previous one's
/// mark is committed, so at that moment every mail before the held one is already marked: the
/// kill can leave at most the one mail in flight to send again. After a restart every reader has
/// exactly one copy.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxCrashTests(QuietOutboxApp app) : IClassFixture<QuietOutboxApp>
{
    private const string Text = "News. Unsubscribe: {{unsubscribe}}";
    private const string Html = "<p>News.</p><a href=\"{{unsubscribe}}\">Unsubscribe</a>";

    [Fact]
    public async Task A_sender_killed_mid_batch_resumes_after_a_restart_and_every_reader_gets_exactly_one_copy()
    {
        await using var smtp = new SmtpTestServer();
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(120);
        // The 31st mail of the first claimed batch of 50: 30 are through and written down, 19 wait behind it.
        var hold = smtp.HoldData(readers[30].To);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueBulkAsync(new BulkMail(batch, "Morning briefing", Text, Html), readers, CancellationToken.None);

        await using var instance = new AppInstance("mail", Path.Combine(app.Folder, "mail-crash"), Environment(smtp.Port));
        try
        {
            instance.Start();
            // A cold start on a loaded machine can take most of a minute before the first send.
            await instance.WaitUntilHealthyAsync();
            try { await hold.Reached.WaitAsync(TimeSpan.FromSeconds(90)); }
            catch (TimeoutException) { throw new Xunit.Sdk.XunitException($"The instance never reached the held mail.\n{instance.Tail()}"); }
            // The bound itself, read while the connection is stuck on the held mail and before the
            // kill: the 30 mails the server acknowledged before it are all marked, none waits behind.
            (await SentAsync(batch)).ShouldBe(30, "a connection starts a mail only once the previous mail's mark is committed");
            await instance.KillAsync();
        }
        finally
        {
            // The server answers the dead session 451 and keeps nothing, as a server that lost the
            // connection before it committed the message would.
            hold.Release();
        }
        var beforeRestart = await SentAsync(batch);
        beforeRestart.ShouldBe(30, "every acknowledged row is marked sent, the held one is not");
        smtp.Received.Count.ShouldBe(30, "the server kept the 30 acknowledged mails and not the held one");

        instance.Start();
        await WaitAsync(async () => await SentAsync(batch) == readers.Count, instance);

        foreach (var reader in readers) smtp.CountTo(reader.To).ShouldBe(1, reader.To);
        var held = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.Batch == batch && m.To == readers[30].To));
        smtp.Received.Single(m => m.Message.To.Mailboxes.Single().Address == readers[30].To).Message.MessageId
            .ShouldStartWith($"outbox.{held.Id}.", customMessage: "the row's own Message-ID, the same on every try");
    }

    private Task<int> SentAsync(string batch) => app.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.Batch == batch && m.SentAt != null));

    private static async Task WaitAsync(Func<Task<bool>> done, AppInstance instance, int seconds = 90,
        string failure = "The restarted instance did not finish the batch")
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(seconds); await Task.Delay(200))
            if (await done()) return;
        throw new Xunit.Sdk.XunitException($"{failure}.\n{instance.Tail()}");
    }

    private Dictionary<string, string> Environment(int smtpPort) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = TestDatabase.Provider,
        ["ConnectionStrings__Broadsheet"] = app.ConnectionString,
        ["DataProtection__KeysDirectory"] = Path.Combine(app.Folder, "keys"),
        ["Site__BaseUrl"] = "http://127.0.0.1",
        ["Demo__Seed"] = "false",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
        ["Email__Outbox__PollSeconds"] = "0.2",
        ["Email__Outbox__RetrySeconds"] = "0.05",
        ["Email__Outbox__ListConnections"] = "1",
        ["Email__Outbox__ListBatch"] = "50",
        // Short, so the restarted instance takes the dead one's claimed rows back within the test.
        ["Email__Outbox__LeaseSeconds"] = "3",
    };
}

/// <summary>Two instances over one PostgreSQL, both sending the same newsletter.</summary>
[Trait("Category", "Integration")]
public sealed class OutboxInstancesTests(SmallBatchSmtpApp app) : IClassFixture<SmallBatchSmtpApp>
{
    [PostgresOnlyFact("Instances share one PostgreSQL")]
    public async Task Two_instances_sending_one_batch_send_each_mail_exactly_once()
    {
        await using var other = await BroadsheetApp.SiblingOfAsync(app);
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(400);

        await app.QueueBulkAsync(new BulkMail(batch, "Morning briefing", "News", "<p>News</p>"), readers);

        // 400 mails over a loopback SMTP server took 32 s once on a loaded machine; the check is exactness, not speed.
        (await app.SettledAsync(batch, seconds: 120)).ShouldBe(new BatchCounts(0, 400, 0, 0, 0));
        foreach (var reader in readers) app.Smtp.CountTo(reader.To).ShouldBe(1, reader.To);
        (await app.RowsOfAsync(batch)).ShouldAllBe(r => r.Attempts == 1, "no row was claimed twice");
    }
}

/// <summary>Small claims, so two instances take turns within one batch.</summary>
public sealed class SmallBatchSmtpApp : SmtpOutboxApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Extra => [new("Email:Outbox:ListBatch", "10")];
}
