using Broadsheet.Accounts;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Accounts;

/// <summary>The stamp re-read on every request, with the statements EF sends written to the test log.</summary>
public sealed class StampCheckApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Accounts:StampCheckSeconds", "0"),
        new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information"),
    ];
}

[Trait("Category", "Integration")]
public sealed class StampCheckTests(StampCheckApp app) : IClassFixture<StampCheckApp>
{
    private List<string> StatementsSince(int mark) =>
        [.. app.Logs.Lines.Skip(mark).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Level == LogLevel.Information)
            .Select(l => l.Message)];

    [Fact]
    public async Task A_check_that_finds_nothing_changed_renews_the_cookie_in_one_statement_without_rebuilding_the_claims()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        var mark = app.Logs.Lines.Count;

        // The front page reads no user row of its own, so every statement about the user is the check's.
        var (response, page) = await reader.GetPageAsync("/");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".account-name")!.TextContent.ShouldBe(user.DisplayName);
        var statements = StatementsSince(mark);
        statements.Count(s => s.Contains("\"SecurityStamp\"", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n\n", statements));
        statements.ShouldNotContain(s => s.Contains("\"UserClaims\"", StringComparison.Ordinal) || s.Contains("\"RoleClaims\"", StringComparison.Ordinal),
            string.Join("\n\n", statements));
    }

    [Fact]
    public async Task A_check_that_finds_nothing_changed_sends_the_renewed_cookie()
    {
        var (reader, _) = await app.SignedInReaderAsync();
        using var _ = reader;

        var (response, _) = await reader.GetPageAsync("/account");

        ((int)response.StatusCode).ShouldBe(200);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(AccountServices.AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_changed_behind_the_cookie_reaches_the_header_at_the_next_check()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Renamed Reader")));

        var (response, page) = await reader.GetPageAsync("/account");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector(".account-name")!.TextContent.ShouldBe("Renamed Reader");
        var (later, again) = await reader.GetPageAsync("/account");
        ((int)later.StatusCode).ShouldBe(200);
        again.QuerySelector(".account-name")!.TextContent.ShouldBe("Renamed Reader");
    }

    [Fact]
    public async Task A_role_granted_behind_the_cookie_opens_the_newsroom_at_the_next_check_and_taking_it_closes_it()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        ((int)(await reader.GetPageAsync("/newsroom")).Response.StatusCode).ShouldBe(403);

        await SetRoleAsync(user.Id, Roles.Editor, grant: true);
        ((int)(await reader.GetPageAsync("/newsroom")).Response.StatusCode).ShouldBe(200);

        await SetRoleAsync(user.Id, Roles.Editor, grant: false);
        ((int)(await reader.GetPageAsync("/newsroom")).Response.StatusCode).ShouldBe(403);
        (await app.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == user.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_moved_stamp_ends_the_session_at_the_next_check()
    {
        var (reader, user) = await app.SignedInReaderAsync();
        using var _ = reader;
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));

        var (response, _) = await reader.GetPageAsync("/account");

        ((int)response.StatusCode).ShouldBe(302);
        response.PathAndQuery().ShouldBe("/account/sign-in?returnUrl=%2Faccount");
    }

    /// <summary>Changes the role row only, as a direct edit would: the stamp stays, so only the claims can tell.</summary>
    private async Task SetRoleAsync(int userId, string role, bool grant)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Data.BroadsheetDb>();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        if (grant) db.UserRoles.Add(new IdentityUserRole<int> { UserId = userId, RoleId = roleId });
        else db.UserRoles.Remove(await db.UserRoles.SingleAsync(r => r.UserId == userId && r.RoleId == roleId));
        await db.SaveChangesAsync();
    }
}
