using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// The app with its own outbox sender off, so each test decides who sends: senders made by the
/// test over the app's services, or a second instance over the same database.
/// </summary>
public sealed class QuietOutboxApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [
        new("Email:Outbox:Enabled", "false"),
        new("Email:Outbox:RetrySeconds", "0.05"),
        new("Email:Outbox:MaxAttempts", "3"),
    ];
}

/// <summary>Mail is written to the outbox with the request, and sent once, later, by whichever instance claims it.</summary>
[Trait("Category", "Integration")]
public sealed class MailOutboxTests(QuietOutboxApp app) : IClassFixture<QuietOutboxApp>
{
    private static Dictionary<string, string> Email(string email) => new() { ["Input.Email"] = email };

    /// <summary>The mail folder read as it is now, without waiting for the outbox.</summary>
    private static Mailbox FolderOf(BroadsheetApp app) => new(Path.Combine(app.Folder, "mail"));

    private static OutboxSender NewSender(BroadsheetApp app) => ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);

    private static Task<List<OutboxMail>> RowsToAsync(BroadsheetApp app, params string[] addresses) =>
        app.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => addresses.Contains(m.To)).OrderBy(m => m.Id).ToListAsync());

    private static async Task<string> QueueAsync(BroadsheetApp app, string subject)
    {
        var to = TestReaders.Email();
        const string link = "http://127.0.0.1/account/reset-password?user=1&token=secret-token";
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailOutbox>()
            .QueueAsync(new OutgoingMail(to, subject, $"Follow {link}", $"<a href=\"{link}\">Follow</a>", link), CancellationToken.None);
        return to;
    }

    private static void ShouldBeBlank(OutboxMail row)
    {
        (row.Text, row.Html, row.Link).ShouldBe(("", "", null), "the body carries tokens, and is blanked once it has gone");
    }

    [Fact]
    public async Task A_queued_sign_in_link_waits_in_the_database_and_another_instance_sends_it()
    {
        var user = await app.UserAsync();
        using var reader = app.Reader();
        var (sent, _) = await reader.SubmitAsync("/account/sign-in-link?returnUrl=%2Flatest", "/account/sign-in-link", Email(user.Email!));
        ((int)sent.StatusCode).ShouldBe(200);
        (await RowsToAsync(app, user.Email!)).ShouldHaveSingleItem().SentAt.ShouldBeNull();
        FolderOf(app).To(user.Email!).ShouldBeEmpty();

        await using var other = await BroadsheetApp.SiblingOfAsync(app, new KeyValuePair<string, string>("Email:Outbox:Enabled", "true"));
        var link = other.Mailbox.LatestLink(user.Email!);

        using var otherReader = other.Reader();
        var (used, _) = await otherReader.SubmitAsync(link, "/account/link", new Dictionary<string, string>());
        ((int)used.StatusCode).ShouldBe(302);
        used.Headers.Location!.OriginalString.ShouldBe("/latest");
        var row = (await RowsToAsync(app, user.Email!)).ShouldHaveSingleItem();
        row.SentAt.ShouldNotBeNull();
        ShouldBeBlank(row);
    }

    [Fact]
    public async Task Forgot_password_queues_the_same_row_for_known_and_unknown_addresses_and_the_sender_drops_the_unknown()
    {
        var user = await app.UserAsync();
        var stranger = TestReaders.Email();
        using var reader = app.Reader();
        await reader.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(user.Email!));
        await reader.SubmitAsync("/account/forgot-password", "/account/forgot-password", Email(stranger));

        var queued = await RowsToAsync(app, user.Email!, stranger);
        queued.Select(r => (r.Kind, r.Payload, r.Subject, r.Text)).Distinct().ShouldHaveSingleItem().ShouldBe(("reset", null, "", ""));
        queued.Count.ShouldBe(2);

        await NewSender(app).SendDueAsync(CancellationToken.None);

        var row = (await RowsToAsync(app, user.Email!, stranger)).ShouldHaveSingleItem("the unknown address's row is dropped, not kept");
        row.To.ShouldBe(user.Email);
        row.SentAt.ShouldNotBeNull();
        ShouldBeBlank(row);
        FolderOf(app).To(user.Email!).ShouldHaveSingleItem().Subject.ShouldStartWith("Reset your");
        FolderOf(app).To(stranger).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sign_up_queues_the_same_one_row_for_a_new_and_a_registered_address_and_the_sender_writes_the_right_mail()
    {
        var registered = await app.UserAsync();
        var unconfirmed = await app.UserAsync(confirmed: false);
        var fresh = TestReaders.Email();
        using var reader = app.Reader();
        foreach (var email in new[] { fresh, registered.Email!, unconfirmed.Email! })
        {
            var (response, _) = await reader.SubmitAsync("/account/sign-up?returnUrl=%2Flatest", "/account/sign-up", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.DisplayName"] = "Outbox Reader", ["Input.Password"] = TestReaders.Password,
            });
            ((int)response.StatusCode).ShouldBe(200);
        }

        var queued = await RowsToAsync(app, fresh, registered.Email!, unconfirmed.Email!);
        queued.Select(r => r.To).ShouldBe([fresh, registered.Email!, unconfirmed.Email!], "one row per sign-up, whatever the address");
        queued.Select(r => (r.Kind, r.Payload, r.Subject, r.Text, r.Link)).Distinct().ShouldHaveSingleItem()
            .ShouldBe((AccountMailRequests.SignUp, "/latest", "", "", (string?)null));
        var created = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == fresh));
        (created.EmailConfirmed, created.PasswordHash is null).ShouldBe((false, false));

        await NewSender(app).SendDueAsync(CancellationToken.None);

        var folder = FolderOf(app);
        var confirm = folder.To(fresh).ShouldHaveSingleItem();
        confirm.Subject.ShouldStartWith("Confirm your email");
        var link = Mailbox.LinkIn(confirm);
        link.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(app.Address, "/account/confirm").ToString());
        link.Query.ShouldContain($"user={created.Id}&");
        link.Query.ShouldEndWith("&returnUrl=%2Flatest");
        var note = folder.To(registered.Email!).ShouldHaveSingleItem();
        note.Subject.ShouldStartWith("You already have");
        Mailbox.LinkIn(note).ToString().ShouldBe(new Uri(app.Address, "/account/sign-in").ToString());
        var again = folder.To(unconfirmed.Email!).ShouldHaveSingleItem();
        again.Subject.ShouldStartWith("Confirm your email");
        Mailbox.LinkIn(again).Query.ShouldContain($"user={unconfirmed.Id}&");

        using var confirming = app.Reader();
        var (confirmed, _) = await confirming.SubmitAsync(link.PathAndQuery, "/account/confirm", new Dictionary<string, string>());
        // Confirming signs the reader in and returns them to where they signed up (/latest here).
        ((int)confirmed.StatusCode).ShouldBe(302);
        confirmed.Headers.Location!.OriginalString.ShouldBe("/latest");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == fresh))).EmailConfirmed.ShouldBeTrue();
        (await RowsToAsync(app, fresh, registered.Email!, unconfirmed.Email!)).ShouldAllBe(r => r.SentAt != null);
    }

    [Fact]
    public async Task Three_senders_working_at_once_send_each_mail_exactly_once()
    {
        var addresses = new List<string>();
        for (var i = 0; i < 30; i++) addresses.Add(await QueueAsync(app, $"Race {i}"));

        var senders = Enumerable.Range(0, 3).Select(_ => NewSender(app)).ToList();
        await Task.WhenAll(senders.Select(s => Task.Run(() => s.SendDueAsync(CancellationToken.None))));

        var folder = FolderOf(app);
        foreach (var to in addresses) folder.To(to).Count.ShouldBe(1, $"mail to {to}");
        var rows = await RowsToAsync(app, [.. addresses]);
        rows.ShouldAllBe(r => r.SentAt != null && r.Attempts == 1);
    }

    [Fact]
    public async Task A_row_claimed_by_an_instance_that_died_is_sent_once_its_lease_runs_out()
    {
        var to = await QueueAsync(app, "Orphaned");
        // What a claim leaves behind when its instance dies before sending: one attempt, a lease in the future.
        await app.WithDbAsync(db => db.OutboxMails.Where(m => m.To == to)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, DateTime.UtcNow.AddHours(1)).SetProperty(m => m.Attempts, 1)));
        var sender = NewSender(app);

        await sender.SendDueAsync(CancellationToken.None);
        FolderOf(app).To(to).ShouldBeEmpty("the lease still holds");

        await app.WithDbAsync(db => db.OutboxMails.Where(m => m.To == to)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, DateTime.UtcNow.AddSeconds(-1))));
        await sender.SendDueAsync(CancellationToken.None);

        FolderOf(app).To(to).ShouldHaveSingleItem().Subject.ShouldBe("Orphaned");
        var row = (await RowsToAsync(app, to)).ShouldHaveSingleItem();
        (row.Attempts, row.SentAt is null).ShouldBe((2, false));
    }

    [Fact]
    public async Task A_row_claimed_by_a_live_instance_is_not_sent_by_another_before_its_lease_runs_out()
    {
        // Its own app, so the live sender's claim can only be this test's row.
        await using var own = new QuietOutboxApp();
        await own.InitializeAsync();
        // A mail server that takes the connection and never answers: the live sender is stuck
        // mid-send, holding its claim, as a slow relay would leave it.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () => { try { while (true) accepted.Add(await silent.AcceptTcpClientAsync()); } catch (Exception) { } });
        var smtp = new SmtpMailSender(Options.Create(new EmailOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port, Security = SmtpSecurity.None },
        }), TimeProvider.System, own.Services.GetRequiredService<ILogger<SmtpMailSender>>());
        var live = ActivatorUtilities.CreateInstance<OutboxSender>(own.Services, smtp);
        using var stop = new CancellationTokenSource();
        var sending = Task.FromResult(false);
        try
        {
            var held = await QueueAsync(own, "Held");
            sending = Task.Run(() => live.SendOneAsync(stop.Token));
            for (var waited = Stopwatch.StartNew(); (await RowsToAsync(own, held)).Single().Attempts == 0; await Task.Delay(20))
                if (waited.Elapsed > Mailbox.DeliveryWait || sending.IsCompleted) throw new Xunit.Sdk.XunitException("The live sender never claimed the row.");
            var later = await QueueAsync(own, "Later");

            await NewSender(own).SendDueAsync(CancellationToken.None);

            FolderOf(own).To(later).ShouldHaveSingleItem("the other sender works, and sends what is free");
            FolderOf(own).To(held).ShouldBeEmpty("the live instance holds it");
            var row = (await RowsToAsync(own, held)).ShouldHaveSingleItem();
            (row.Attempts, row.SentAt).ShouldBe((1, null));
            row.ClaimedUntil.ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow);
        }
        finally
        {
            // The live sender gives up its send when stopped, as an instance shutting down would.
            await stop.CancelAsync();
            try { await sending; } catch (OperationCanceledException) { }
            silent.Stop();
            await accepting;
            foreach (var c in accepted) c.Dispose();
        }
    }

    [Fact]
    public async Task A_failed_send_keeps_the_mail_and_a_later_try_sends_it()
    {
        await using var own = new QuietOutboxApp();
        await own.InitializeAsync();
        var mailFolder = Path.Combine(own.Folder, "mail");
        await File.WriteAllTextAsync(mailFolder, "a file where the mail folder should be, so writing mail fails");
        var to = await QueueAsync(own, "Retried");
        var sender = NewSender(own);

        (await sender.SendOneAsync(CancellationToken.None)).ShouldBeTrue();
        var failed = (await RowsToAsync(own, to)).ShouldHaveSingleItem();
        (failed.Attempts, failed.SentAt, failed.FailedAt).ShouldBe((1, null, null));
        failed.LastError.ShouldNotBeNullOrEmpty();
        failed.Text.ShouldContain("secret-token", customMessage: "kept for the next try");
        failed.DueAt.ShouldBeGreaterThan(failed.CreatedAt);

        File.Delete(mailFolder);
        var row = await SendUntilAsync(own, sender, to, r => r.SentAt != null);

        row.Attempts.ShouldBe(2);
        row.LastError.ShouldBeNull();
        ShouldBeBlank(row);
        FolderOf(own).To(to).ShouldHaveSingleItem().Subject.ShouldBe("Retried");
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_after_the_last_attempt_with_its_body_blanked()
    {
        await using var own = new QuietOutboxApp();
        await own.InitializeAsync();
        await File.WriteAllTextAsync(Path.Combine(own.Folder, "mail"), "a file where the mail folder should be, so writing mail fails");
        var to = await QueueAsync(own, "Never");

        var row = await SendUntilAsync(own, NewSender(own), to, r => r.FailedAt != null);

        (row.Attempts, row.SentAt).ShouldBe((3, null));
        row.LastError.ShouldNotBeNullOrEmpty();
        ShouldBeBlank(row);
        own.UndeliveredMail().ShouldBe(0, "a given-up row is not retried");
    }

    /// <summary>Runs the sender until the row is in the wanted state; the backoff between tries is 0.05 s and up.</summary>
    private static async Task<OutboxMail> SendUntilAsync(BroadsheetApp app, OutboxSender sender, string to, Func<OutboxMail, bool> done)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < Mailbox.DeliveryWait; await Task.Delay(50))
        {
            await sender.SendDueAsync(CancellationToken.None);
            var row = (await RowsToAsync(app, to)).ShouldHaveSingleItem();
            if (done(row)) return row;
        }
        throw new Xunit.Sdk.XunitException($"The outbox row to {to} never got there.");
    }
}
