using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using System.Net;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Search;

/// <summary>
/// The never-unpublished rule on every way search answers: the page (by relevance, by date,
/// filtered, a later page), the overlay's suggestions and the API, each asked twice so that the
/// second answer is the cached one where there is a cache. The newsroom's own buttons make the
/// changes, so the test covers the evictions they trigger, not a shortcut around them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchLivenessTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task Publish_unpublish_and_schedule_show_at_once_on_every_cached_and_uncached_search_path()
    {
        var w = TestNewsroom.Word();
        var section = await app.CategoryAsync();
        // Another live match keeps every answer a list of results, whatever the story's state.
        await app.ArticleAsync(a => { a.Title = $"{w} tide tables"; a.Slug = Broadsheet.Shared.Slug.From(a.Title); }, section);
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        using var api = app.KeyedClient(await app.ApiKeyAsync());
        var id = await editor.WriteAsync(section, $"{w} harbour wall repairs", $"Engineers said the {w} work would take a month.");
        var slug = (await app.StoredAsync(id)).Slug;

        string[] pages =
        [
            $"/search?q={w}", $"/search?q={w}&sort=newest", $"/search?q={w}&category={section.Slug}",
            $"/search?q={w}+harbour", $"/search/suggest?q={w}",
        ];

        async Task<List<string>> ShowingAsync()
        {
            var showing = new List<string>();
            using var reader = app.Client();
            foreach (var path in pages)
                for (var ask = 1; ask <= 2; ask++)
                {
                    var response = await reader.GetAsync(path);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                    // The second answer must come from the cache (it says how old it is), or the cached path went untested.
                    if (ask == 2) response.Headers.Age.ShouldNotBeNull($"{path} was not served from the cache");
                    if ((await response.Content.ReadAsStringAsync()).Contains($"/articles/{slug}\"")) showing.Add($"{path} #{ask}");
                }
            for (var ask = 1; ask <= 2; ask++)
            {
                var (_, json) = await api.GetJsonAsync($"/api/v1/search?q={w}");
                if (json.GetRawText().Contains($"\"{slug}\"")) showing.Add($"api #{ask}");
            }
            return showing;
        }

        (await ShowingAsync()).ShouldBeEmpty("a draft");

        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Publish")).Response.StatusCode).ShouldBe(302);
        (await ShowingAsync()).Count.ShouldBe(pages.Length * 2 + 2, "every path, once published");

        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Unpublish")).Response.StatusCode).ShouldBe(302);
        (await ShowingAsync()).ShouldBeEmpty("unpublished");

        var at = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm");
        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Schedule", new Dictionary<string, string?> { ["Input.ScheduleAt"] = at })).Response.StatusCode).ShouldBe(302);
        (await app.StoredAsync(id)).Status.ShouldBe(Broadsheet.Articles.ArticleStatus.Scheduled);
        (await ShowingAsync()).ShouldBeEmpty("scheduled for later");

        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Publish")).Response.StatusCode).ShouldBe(302);
        (await ShowingAsync()).Count.ShouldBe(pages.Length * 2 + 2, "published again");
        ((int)(await editor.ActAsync(DeskSession.Edit(id), "Unpublish")).Response.StatusCode).ShouldBe(302);
        (await ShowingAsync()).ShouldBeEmpty("unpublished again");
    }
}
