using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Mail;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom.Mail;

/// <summary>/newsroom/mail: the sends by batch with their counts, and the stopped addresses with an audited release.</summary>
[Trait("Category", "Integration")]
public sealed class MailDeskTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private async Task<string> StopAsync(string reply = "550 5.1.1 No such user")
    {
        var address = TestReaders.Email();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStoppedAddresses>().StopAsync(address, "Refused by the receiving server", reply, CancellationToken.None);
        return address;
    }

    [Fact]
    public async Task Admins_see_each_batch_with_its_counts_and_each_stopped_address_with_its_reply()
    {
        var gone = await StopAsync("550 5.1.1 <gone> No such user");
        var batch = $"newsletter-issue:{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueBulkAsync(new BulkMail(batch, "Briefing", "News", "<p>News</p>"),
                [new(TestReaders.Email(), "https://news.example/u", "https://news.example/p"), new(gone, "https://news.example/u", "https://news.example/p")],
                CancellationToken.None);
        app.Mailbox.All(); // waits until the outbox has sent what it can

        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        var (response, page) = await admin.GetPageAsync("/newsroom/mail");

        ((int)response.StatusCode).ShouldBe(200);
        var row = page.QuerySelectorAll(".mail-batches tbody tr").Single(r => r.TextContent.Contains(batch));
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Skip(1).ShouldBe(["0", "1", "0", "0", "1"]);
        var stopped = page.QuerySelectorAll(".mail-stopped tbody tr").Single(r => r.QuerySelector("th")!.TextContent == gone);
        stopped.TextContent.ShouldContain("550 5.1.1 <gone> No such user");
        stopped.QuerySelector("form button")!.TextContent.ShouldBe("Release");
    }

    [Fact]
    public async Task Releasing_an_address_removes_the_stop_and_writes_an_audit_entry()
    {
        var gone = await StopAsync();
        var (admin, user) = await app.SignedInReaderAsync(Roles.Admin);

        var (response, _) = await admin.SubmitAsync("/newsroom/mail", "/newsroom/mail", new Dictionary<string, string> { ["address"] = gone });

        ((int)response.StatusCode).ShouldBe(302);
        (await app.WithDbAsync(db => db.StoppedAddresses.AnyAsync(s => s.Address == gone))).ShouldBeFalse();
        var entry = await app.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == "mail.release" && e.TargetId == gone));
        entry.ActorUserId.ShouldBe(user.Id);
        var (_, page) = await admin.GetPageAsync("/newsroom/mail");
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain(gone);
    }

    [Fact]
    public async Task Releasing_an_address_that_is_not_stopped_is_a_404_and_an_empty_one_a_400()
    {
        var (admin, _) = await app.SignedInReaderAsync(Roles.Admin);
        await StopAsync(); // so the page has a release form to take the token from

        var (unknown, _) = await admin.SubmitAsync("/newsroom/mail", "/newsroom/mail", new Dictionary<string, string> { ["address"] = TestReaders.Email() });
        var (empty, _) = await admin.SubmitAsync("/newsroom/mail", "/newsroom/mail", new Dictionary<string, string> { ["address"] = "" });

        ((int)unknown.StatusCode).ShouldBe(404);
        ((int)empty.StatusCode).ShouldBe(400);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Reader)]
    public async Task Only_admins_open_the_mail_page_or_release_an_address(string role)
    {
        var gone = await StopAsync();
        var (someone, _) = await app.SignedInReaderAsync(role);

        var (page, _) = await someone.GetPageAsync("/newsroom/mail");
        var (post, _) = await someone.PostAsync("/newsroom/mail?handler=Release", new Dictionary<string, string> { ["address"] = gone });

        ((int)page.StatusCode).ShouldBe(403);
        ((int)post.StatusCode).ShouldBeOneOf(400, 403);
        (await app.WithDbAsync(db => db.StoppedAddresses.AnyAsync(s => s.Address == gone))).ShouldBeTrue();
    }
}
