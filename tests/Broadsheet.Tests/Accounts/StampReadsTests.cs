using Broadsheet.Accounts;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Accounts;

/// <summary>
/// Due stamp checks that arrive together are read together (Accounts/StampReads): a vote storm's
/// thousand first votes must not be a thousand statements and a thousand connections.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StampReadsTests(StampCheckApp app) : IClassFixture<StampCheckApp>
{
    [Fact]
    public async Task Thirty_checks_asked_at_once_are_answered_from_at_most_two_reads_each_with_its_own_row()
    {
        var users = new List<User>();
        for (var i = 0; i < 30; i++) users.Add(await app.UserAsync(password: null));
        var reads = app.Services.GetRequiredService<StampReads>();
        var mark = app.Logs.Lines.Count;

        // Asked before any answer is awaited, as a storm's requests ask.
        var rows = await Task.WhenAll(users.Select(u => reads.ReadAsync(u.Id, CancellationToken.None)));

        // The first read may leave before the others are queued; everything behind it goes in one.
        var statements = app.Logs.Lines.Skip(mark)
            .Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Level == LogLevel.Information)
            .Count(l => l.Message.Contains("\"SecurityStamp\"", StringComparison.Ordinal));
        statements.ShouldBeInRange(1, 2);

        for (var i = 0; i < users.Count; i++)
        {
            rows[i].ShouldNotBeNull();
            rows[i]!.Id.ShouldBe(users[i].Id);
            rows[i]!.SecurityStamp.ShouldBe(await app.WithDbAsync(db => db.Users.Where(u => u.Id == users[i].Id).Select(u => u.SecurityStamp).SingleAsync()));
            rows[i]!.Roles.ShouldBe([Roles.Reader]);
        }
    }

    [Fact]
    public async Task A_check_for_an_account_that_no_longer_exists_reads_nothing()
    {
        var user = await app.UserAsync(password: null);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync());

        (await app.Services.GetRequiredService<StampReads>().ReadAsync(user.Id, CancellationToken.None)).ShouldBeNull();
    }
}
