using Broadsheet.Audit;
using Broadsheet.Data;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Audit;

/// <summary>
/// The audit log as a platform piece: any feature's service writes a row in its own SaveChanges,
/// the row names the actor as they were called then, nobody can rewrite it, and only admins read it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditLogTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    /// <summary>Runs work with the app's own AuditLog and context, as a feature's service would, then saves.</summary>
    private async Task<long> WriteAsync(Func<AuditLog, Task<AuditEntry>> work)
    {
        using var scope = app.Services.CreateScope();
        var entry = await work(scope.ServiceProvider.GetRequiredService<AuditLog>());
        await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().SaveChangesAsync();
        return entry.Id;
    }

    [Fact]
    public async Task An_entry_is_written_with_the_caller_s_save_and_long_fields_are_cut_to_the_columns()
    {
        var target = TestNewsroom.Unique("t");
        var id = await WriteAsync(log => Task.FromResult(log.Add(null, new string('n', 300), "article.publish", "article", target, new string('d', 3000))));

        var row = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Id == id));
        (row.Action, row.TargetKind, row.TargetId, row.ActorUserId).ShouldBe(("article.publish", "article", target, (int?)null));
        row.ActorName.Length.ShouldBe(120);
        row.Detail.Length.ShouldBe(2000);
        row.At.ShouldBeGreaterThan(DateTime.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task An_entry_by_user_id_names_the_actor_from_the_account()
    {
        var actor = await app.UserAsync(name: $"Auditor {TestNewsroom.Word()}", role: Roles.Editor);
        var id = await WriteAsync(log => log.AddAsync(actor.Id, "comment.reject", "comment", "42", "Rejected", default));

        var row = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Id == id));
        (row.ActorUserId, row.ActorName).ShouldBe(((int?)actor.Id, actor.DisplayName));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var e = db.AuditLog.Add(new AuditEntry { At = DateTime.UtcNow, ActorName = "operator", Action = "user.role", TargetKind = "user", TargetId = "1", Detail = "Original" }).Entity;
            await db.SaveChangesAsync();
            return e.Id;
        });

        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            (await db.AuditLog.SingleAsync(e => e.Id == id)).Detail = "Rewritten";
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync(e => e.Id == id));
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db => db.AuditLog.Where(e => e.Id == id).ExecuteDeleteAsync()));

        (await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Id == id))).Detail.ShouldBe("Original");
    }

    [Theory]
    [InlineData(null, 302)]
    [InlineData(Roles.Reader, 403)]
    [InlineData(Roles.Author, 403)]
    [InlineData(Roles.Editor, 403)]
    [InlineData(Roles.Admin, 200)]
    public async Task The_log_is_shown_to_admins_only(string? role, int status)
    {
        var target = TestNewsroom.Unique("shown");
        await WriteAsync(log => Task.FromResult(log.Add(null, "operator", "site.check", "settings", target, "Checked by the audit tests")));
        using var session = role is null ? app.Reader() : (await app.SignedInReaderAsync(role)).Reader;

        var (response, page) = await session.GetPageAsync($"/newsroom/audit?target=settings:{target}");

        ((int)response.StatusCode).ShouldBe(status, role ?? "nobody");
        var shown = page.QuerySelectorAll(".audit-list tbody tr .audit-detail").Select(d => d.TextContent).ToList();
        if (status == 200) shown.ShouldBe(["Checked by the audit tests"]);
        else page.Body!.TextContent.ShouldNotContain("Checked by the audit tests");
    }
}
