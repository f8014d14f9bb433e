using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Newsroom.Articles;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Net;

namespace Broadsheet.Tests.Search;

/// <summary>
/// The system clock moved forward by what the test says. Timers stay real: Kestrel and the hosted
/// services need time to go on (a frozen FakeTimeProvider stops the server from starting).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));
}

/// <summary>
/// The app on a clock the test moves. The scheduler's own timer (34 days: Task.Delay takes at most 49) is set beyond the test's advance,
/// so that the moment a scheduled story is flipped to published is the test's choice.
/// </summary>
public sealed class ClockedApp : BroadsheetApp
{
    public ShiftedClock Clock { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Newsroom:SchedulerSeconds", "3000000")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public ArticleScheduler Scheduler => Services.GetServices<IHostedService>().OfType<ArticleScheduler>().Single();
}

/// <summary>
/// The search index keeps public stories only and a scheduled one is found by the clock (see
/// the SearchLiveIndex migration): a story taken down (reverted to a draft) leaves every path
/// at once, a scheduled one joins the uncached paths when its time comes by the app's clock,
/// before the scheduler flips it, and every path, cached ones too, once the flip evicts the pages.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchScheduleTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_story_taken_down_leaves_every_search_path_and_a_scheduled_one_joins_them_once_due_by_the_app_clock()
    {
        var w = TestNewsroom.Word();
        var section = await app.CategoryAsync();
        // Another live match keeps every answer a list of results, whatever the story's state.
        await app.ArticleAsync(a => { a.Title = $"{w} tide tables"; a.Slug = Broadsheet.Shared.Slug.From(a.Title); }, section);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        using var api = app.KeyedClient(await app.ApiKeyAsync());
        var id = await editor.WriteAsync(section, $"{w} harbour wall repairs", $"Engineers said the {w} work would take a month.");
        var slug = (await app.StoredAsync(id)).Slug;

        string[] pages =
        [
            $"/search?q={w}", $"/search?q={w}&sort=newest", $"/search?q={w}&category={section.Slug}",
            $"/search?q={w}+harbour&from=2000-01-01", $"/search/suggest?q={w}",
        ];

        // Signed-in readers and the API are never served from the page cache.
        async Task<List<string>> UncachedAsync()
        {
            var showing = new List<string>();
            foreach (var path in pages)
            {
                var (response, page) = await reader.GetPageAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                if (page.QuerySelector($"a[href='/articles/{slug}']") is not null) showing.Add($"{path} signed in");
            }
            var (answer, json) = await api.GetJsonAsync($"/api/v1/search?q={w}");
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, json.GetRawText());
            if (json.GetRawText().Contains($"\"{slug}\"")) showing.Add("api");
            return showing;
        }

        // Anonymous readers: the second answer comes from the page cache.
        async Task<List<string>> CachedAsync()
        {
            var showing = new List<string>();
            using var anonymous = app.Client();
            foreach (var path in pages)
                for (var ask = 1; ask <= 2; ask++)
                {
                    var response = await anonymous.GetAsync(path);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                    if (ask == 2) response.Headers.Age.ShouldNotBeNull($"{path} was not served from the cache");
                    if ((await response.Content.ReadAsStringAsync()).Contains($"/articles/{slug}\"")) showing.Add($"{path} #{ask}");
                }
            return showing;
        }

        async Task<List<string>> EveryPathAsync() => [.. await UncachedAsync(), .. await CachedAsync()];
        var all = pages.Length * 3 + 1;

        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Publish")).Response.StatusCode).ShouldBe(302);
        (await EveryPathAsync()).Count.ShouldBe(all, "published");

        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Revert")).Response.StatusCode).ShouldBe(302);
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Draft);
        (await EveryPathAsync()).ShouldBeEmpty("taken down");

        var due = app.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var at = due.ToString("yyyy-MM-ddTHH:mm");
        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Schedule", new Dictionary<string, string?> { ["Input.ScheduleAt"] = at })).Response.StatusCode).ShouldBe(302);
        (await EveryPathAsync()).ShouldBeEmpty("scheduled for tomorrow");

        // A minute before its time, nothing; once the app's clock passes it, the uncached paths
        // find it while it is still "scheduled" (cached pages may lag by one lifetime, never lead).
        app.Clock.Advance(due.AddMinutes(-1) - app.Clock.GetUtcNow().UtcDateTime);
        (await UncachedAsync()).ShouldBeEmpty("a minute before its time");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        // The API too: it keeps answers like the pages do, but each only until the next scheduled
        // story is due, so its answer from a minute ago is not reused now.
        var dueNow = await UncachedAsync();
        dueNow.Count.ShouldBe(pages.Length + 1, $"due by the clock, not yet flipped; showing: {string.Join(", ", dueNow)}");
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Scheduled);

        // The scheduler's flip evicts the cached pages: now every path shows it.
        (await app.Scheduler.PublishDueAsync(CancellationToken.None)).ShouldBe(1);
        (await app.StoredAsync(id)).Status.ShouldBe(ArticleStatus.Published);
        (await EveryPathAsync()).Count.ShouldBe(all, "published on schedule");
    }
}
