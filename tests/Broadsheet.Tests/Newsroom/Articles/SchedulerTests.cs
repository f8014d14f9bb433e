using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Articles;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

[Trait("Category", "Integration")]
public sealed class SchedulerTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private async Task<int> ScheduledAsync(ReaderSession editor, TimeSpan ahead)
    {
        var section = await app.CategoryAsync();
        var id = await editor.WriteAsync(section, $"Timed story {Guid.NewGuid():N}"[..20]);
        var (scheduled, page) = await editor.ActAsync(DeskSession.Edit(id), "Schedule",
            new Dictionary<string, string?> { ["Input.ScheduleAt"] = (app.Now + ahead).ToString("yyyy-MM-ddTHH:mm") });
        ((int)scheduled.StatusCode).ShouldBe(302, page.Problems());
        return id;
    }

    // The scheduler runs on its own task; wait (boundedly) for it to have had its turn.
    private Task<ArticleStatus> StatusOnceSettledAsync(int id) =>
        DeskSession.SettledAsync(async () => (await app.StoredAsync(id)).Status, s => s != ArticleStatus.Scheduled);

    [Fact]
    public async Task A_scheduled_article_goes_live_at_its_time_and_the_scheduler_marks_it_published_once()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var id = await ScheduledAsync(editor, TimeSpan.FromMinutes(30));
        var slug = (await app.StoredAsync(id)).Slug;
        ((int)(await app.GetPageAsync($"/articles/{slug}")).Response.StatusCode).ShouldBe(404);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // past its time, and the scheduler's period
        (await StatusOnceSettledAsync(id)).ShouldBe(ArticleStatus.Published);
        ((int)(await app.GetPageAsync($"/articles/{slug}")).Response.StatusCode).ShouldBe(200);
        (await app.AuditAsync(id)).ShouldBe([$"article.schedule by {(await app.WithDbAsync(db => db.AuditLog.FirstAsync(e => e.TargetId == id.ToString()))).ActorName}", "article.publish by scheduler"]);
    }

    [Fact]
    public async Task A_time_that_passed_while_the_site_was_down_is_caught_up_at_start_by_one_instance_only()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var id = await ScheduledAsync(editor, TimeSpan.FromMinutes(10));
        app.Clock.Advance(TimeSpan.FromMinutes(20)); // no scheduler pass runs in between: as if the site were down
        await Task.Delay(200);
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Scheduled);

        await using var restarted = await app.StartSiblingAsync();
        (await StatusOnceSettledAsync(id)).ShouldBe(ArticleStatus.Published);

        // Two instances racing over the same due article: the conditional UPDATE lets one win.
        var racer = await ScheduledAsync(editor, TimeSpan.FromMinutes(5));
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var counts = await Task.WhenAll(
            app.Services.GetRequiredService<ArticleScheduler>().PublishDueAsync(default),
            restarted.Services.GetRequiredService<ArticleScheduler>().PublishDueAsync(default));
        (await app.StoredAsync(racer)).Status.ShouldBe(ArticleStatus.Published);
        counts.Sum().ShouldBeLessThanOrEqualTo(1);
        (await app.AuditAsync(racer)).Count(a => a == "article.publish by scheduler").ShouldBe(1);
        (await app.AuditAsync(id)).Count(a => a == "article.publish by scheduler").ShouldBe(1);
    }

    [Fact]
    public async Task The_breaking_bar_shows_the_story_on_reader_pages_until_its_time_passes()
    {
        var section = await app.CategoryAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _ = editor;
        var title = $"Storm warning {Guid.NewGuid():N}"[..22];
        var id = await editor.WriteAsync(section, title, more: new Dictionary<string, string?>
        {
            ["Input.Breaking"] = "true", ["Input.BreakingUntil"] = (app.Now + TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm"),
        });
        (await app.GetPageAsync("/")).Page.QuerySelector(".breaking-bar").ShouldBeNull(); // a draft is not news yet
        await editor.ActAsync(DeskSession.Edit(id), "Publish");
        var slug = (await app.StoredAsync(id)).Slug;

        foreach (var path in new[] { "/", "/latest", $"/category/{section.Slug}" })
        {
            var bar = (await app.GetPageAsync(path)).Page.QuerySelector(".breaking-bar a")!;
            (bar.TextContent, bar.GetAttribute("href")).ShouldBe((title, $"/articles/{slug}"));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        (await app.GetPageAsync("/")).Page.QuerySelector(".breaking-bar").ShouldBeNull();
    }
}
