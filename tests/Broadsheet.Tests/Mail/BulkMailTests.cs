using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// One message to many readers (<see cref="MailOutbox.QueueBulkAsync"/>) through a real SMTP
/// server on loopback: the body stored once and filled in per reader, the RFC 8058 headers, a
/// batch over one connection, and the counts the newsroom shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BulkMailTests(SmtpOutboxApp app) : IClassFixture<SmtpOutboxApp>
{
    private const string Text = "Today's news.\nUnsubscribe: {{unsubscribe}}\nPreferences: {{preferences}}";
    private const string Html = "<p>Today's news.</p><a href=\"{{unsubscribe}}\">Unsubscribe</a> <a href=\"{{preferences}}\">Preferences</a>";

    [Fact]
    public async Task A_bulk_mail_stores_its_body_once_and_each_reader_gets_their_own_links_and_one_click_headers()
    {
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(3);

        (await app.QueueBulkAsync(new BulkMail(batch, "Morning briefing", Text, Html), readers)).ShouldBe(3);

        (await app.SettledAsync(batch)).ShouldBe(new BatchCounts(0, 3, 0, 0, 0));
        (await app.WithDbAsync(db => db.OutboxBodies.CountAsync(b => b.Batch == batch))).ShouldBe(1);
        foreach (var reader in readers)
        {
            var mail = app.Smtp.Received.Single(m => m.Message.To.Mailboxes.Single().Address == reader.To).Message;
            mail.Subject.ShouldBe("Morning briefing");
            mail.Headers["List-Unsubscribe"].ShouldBe($"<{reader.Unsubscribe}>");
            mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
            mail.TextBody!.ShouldContain($"Unsubscribe: {reader.Unsubscribe}\n");
            mail.TextBody!.ShouldContain($"Preferences: {reader.Preferences}");
            mail.HtmlBody!.ShouldContain($"href=\"{reader.Unsubscribe.Replace("&", "&amp;")}\"");
            mail.HtmlBody!.ShouldContain($"href=\"{reader.Preferences.Replace("&", "&amp;")}\"");
            mail.MessageId.ShouldStartWith("outbox.");
            mail.MessageId.ShouldEndWith("@news.example");
        }
        var rows = await app.RowsOfAsync(batch);
        rows.ShouldAllBe(r => r.SentAt != null && r.Subject == "" && r.Text == "" && r.Unsubscribe == null,
            "each row holds only its reader's links, blanked once sent");
    }

    [Fact]
    public async Task Queuing_the_same_batch_again_adds_only_the_addresses_it_did_not_have()
    {
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(4);
        var mail = new BulkMail(batch, "Weekly digest", Text, Html);
        await app.QueueBulkAsync(mail, readers[..2]);

        // As a crash mid-queue leaves it: the same call again, now with the whole list; one
        // address is given in another case too.
        var added = await app.QueueBulkAsync(mail with { Subject = "Changed on the second try" },
            [.. readers, readers[0] with { To = readers[0].To.ToUpperInvariant() }]);

        added.ShouldBe(2);
        (await app.SettledAsync(batch)).Sent.ShouldBe(4);
        foreach (var reader in readers) app.Smtp.CountTo(reader.To).ShouldBe(1, reader.To);
        app.Smtp.Received.Where(m => readers.Any(r => r.To == m.Message.To.Mailboxes.Single().Address))
            .ShouldAllBe(m => m.Message.Subject == "Weekly digest", "the first body is kept");
    }

    [Fact]
    public async Task A_batch_goes_out_over_one_connection_and_a_451_is_retried_and_delivered_once()
    {
        // One list connection: with two, PostgreSQL's SKIP LOCKED may split five rows between them.
        await using var own = new OneConnectionSmtpOutboxApp();
        await own.InitializeAsync();
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(5);
        own.Smtp.Refuse(readers[2].To, 451, times: 1);
        var before = own.Smtp.Sessions;

        await own.QueueBulkAsync(new BulkMail(batch, "Alert", Text, Html), readers);

        (await own.SettledAsync(batch)).ShouldBe(new BatchCounts(0, 5, 0, 0, 0));
        foreach (var reader in readers) own.Smtp.CountTo(reader.To).ShouldBe(1, reader.To);
        (own.Smtp.Sessions - before).ShouldBe(2, "the five over one connection, then the retry over a second");
        var retried = (await own.RowsOfAsync(batch)).Single(r => r.To == readers[2].To);
        (retried.Attempts, retried.LastError).ShouldBe((2, null));
    }

    [Fact]
    public async Task A_550_stops_the_address_fails_the_row_at_once_and_later_batches_skip_it()
    {
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(3);
        var gone = readers[1].To;
        app.Smtp.Refuse(gone, 550);

        await app.QueueBulkAsync(new BulkMail(batch, "Morning briefing", Text, Html), readers);

        (await app.SettledAsync(batch)).ShouldBe(new BatchCounts(0, 2, 0, 1, 0));
        var row = (await app.RowsOfAsync(batch)).Single(r => r.To == gone);
        (row.Attempts, row.SentAt, row.SkippedAt).ShouldBe((1, null, null), "a 5xx is not retried");
        row.LastError.ShouldNotBeNull().ShouldStartWith("550");
        var stopped = await app.WithDbAsync(db => db.StoppedAddresses.SingleAsync(s => s.Address == gone));
        stopped.SmtpReply.ShouldNotBeNull().ShouldStartWith("550");
        stopped.Reason.ShouldNotBeNullOrWhiteSpace();

        var next = SmtpOutboxApp.NewBatch();
        await app.QueueBulkAsync(new BulkMail(next, "Evening briefing", Text, Html), readers);
        (await app.SettledAsync(next)).ShouldBe(new BatchCounts(0, 2, 0, 0, 1));
        app.Smtp.CountTo(gone).ShouldBe(0);
        foreach (var reader in readers.Where(r => r.To != gone)) app.Smtp.CountTo(reader.To).ShouldBe(2);
    }

    [Fact]
    public async Task A_single_list_mail_with_a_batch_is_queued_once_per_address_and_carries_the_unsubscribe_headers()
    {
        var batch = SmtpOutboxApp.NewBatch();
        var to = TestReaders.Email();
        var mail = new OutgoingMail(to, "New story by an author you follow", "Read it", "<p>Read it</p>")
        {
            Batch = batch,
            Unsubscribe = "https://news.example/email/unsubscribe?token=abc",
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            (await outbox.QueueAsync(mail, CancellationToken.None)).ShouldBeTrue();
            (await outbox.QueueAsync(mail, CancellationToken.None)).ShouldBeFalse("the same batch and address again");
        }

        (await app.SettledAsync(batch)).ShouldBe(new BatchCounts(0, 1, 0, 0, 0));
        var received = app.Smtp.Received.Single(m => m.Message.To.Mailboxes.Single().Address == to).Message;
        received.Headers["List-Unsubscribe"].ShouldBe("<https://news.example/email/unsubscribe?token=abc>");
        received.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
    }

    [Fact]
    public async Task Account_mail_goes_out_while_a_newsletter_batch_is_stuck_on_a_slow_server()
    {
        await using var own = new SmtpOutboxApp();
        await own.InitializeAsync();
        var batch = SmtpOutboxApp.NewBatch();
        var readers = SmtpOutboxApp.Recipients(3);
        // Every reader's mail is held: the list may send on more than one connection
        // (OutboxOptions.ListConnections), and each one must be stuck for the newsletter to be.
        var holds = readers.Select(r => own.Smtp.HoldData(r.To)).ToList();
        try
        {
            await own.QueueBulkAsync(new BulkMail(batch, "Morning briefing", Text, Html), readers);
            await Task.WhenAny(holds.Select(h => h.Reached)).WaitAsync(TimeSpan.FromSeconds(30));

            var to = TestReaders.Email();
            await using (var scope = own.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<MailOutbox>()
                    .QueueAsync(new OutgoingMail(to, "Reset your password", "Reset: https://news.example/r", "<p>Reset</p>"), CancellationToken.None);

            for (var waited = System.Diagnostics.Stopwatch.StartNew(); own.Smtp.CountTo(to) == 0; await Task.Delay(50))
                if (waited.Elapsed > Mailbox.DeliveryWait) throw new Xunit.Sdk.XunitException("The reset waited behind the newsletter.");
            holds.ShouldContain(h => h.Reached.IsCompleted);
            (await own.CountsAsync(batch)).Sent.ShouldBe(0, "the newsletter is still held");
        }
        finally
        {
            foreach (var hold in holds) hold.Release();
        }
        (await own.SettledAsync(batch)).Sent.ShouldBe(3);
        foreach (var reader in readers) own.Smtp.CountTo(reader.To).ShouldBe(1, reader.To);
    }

    [Fact]
    public async Task A_list_mail_to_an_address_stopped_after_it_was_queued_is_skipped_and_a_released_address_gets_mail_again()
    {
        await using var own = new QuietSmtpOutboxApp();
        await own.InitializeAsync();
        var readers = SmtpOutboxApp.Recipients(2);
        var first = SmtpOutboxApp.NewBatch();
        await own.QueueBulkAsync(new BulkMail(first, "Briefing", Text, Html), readers);
        await using (var scope = own.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IStoppedAddresses>().StopAsync(readers[0].To, "Stopped by hand", null, CancellationToken.None);

        await ActivatorUtilities.CreateInstance<OutboxSender>(own.Services).SendDueAsync(CancellationToken.None);

        (await own.CountsAsync(first)).ShouldBe(new BatchCounts(0, 1, 0, 0, 1));
        own.Smtp.CountTo(readers[0].To).ShouldBe(0);

        await using (var scope = own.Services.CreateAsyncScope())
        {
            var stopped = scope.ServiceProvider.GetRequiredService<IStoppedAddresses>();
            (await stopped.ReleaseAsync(readers[0].To.ToUpperInvariant(), CancellationToken.None)).ShouldBeTrue();
            await scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>().SaveChangesAsync();
            (await stopped.IsStoppedAsync(readers[0].To, CancellationToken.None)).ShouldBeFalse();
        }
        var second = SmtpOutboxApp.NewBatch();
        await own.QueueBulkAsync(new BulkMail(second, "Briefing", Text, Html), readers);
        await ActivatorUtilities.CreateInstance<OutboxSender>(own.Services).SendDueAsync(CancellationToken.None);
        (await own.CountsAsync(second)).ShouldBe(new BatchCounts(0, 2, 0, 0, 0));
        own.Smtp.CountTo(readers[0].To).ShouldBe(1);
    }
}

/// <summary>The SMTP app with its own sender off: the test runs a sender when it wants one.</summary>
public sealed class QuietSmtpOutboxApp : SmtpOutboxApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Extra => [new("Email:Outbox:Enabled", "false")];
}

/// <summary>The SMTP app sending newsletters over a single connection, so a test can count sessions.</summary>
public sealed class OneConnectionSmtpOutboxApp : SmtpOutboxApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Extra => [new("Email:Outbox:ListConnections", "1")];
}
