using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Live;
using Broadsheet.Tests.Feeds;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Live;

/// <summary>
/// How a live story travels beyond its page (issue 23, distribution): its own feed lists its
/// entries, and its JSON-LD is a LiveBlogPosting with one update per entry and the coverage's times.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveDistributionTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private sealed record Story(Article Article, int EditorId, List<LiveEntry> Entries);

    /// <summary>A story made live in the composer, then three entries (one key event, one deleted) through the desk.</summary>
    private async Task<Story> LiveStoryAsync()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        var article = await app.ArticleAsync();
        var here = $"/newsroom/live/{article.Id}";
        (await LiveCoverageTests.SubmitExactAsync(editor, here, $"{here}?handler=start", new())).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editorId = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(a => a.Action == "live.start" && a.TargetId == article.Id.ToString()).Select(a => a.ActorUserId!.Value).SingleAsync());
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<LiveDesk>();
        var entries = new List<LiveEntry>();
        foreach (var (text, key) in new[] { ($"Sirens at the {TestNewsroom.Word()} quay", false), ($"The bridge {TestNewsroom.Word()} is closed", true), ($"Gone {TestNewsroom.Word()}", false) })
            entries.Add((await desk.AddAsync(article.Id, new EntryInput(text, null, null, null, null, key, false), editorId, "Ada Reporter", default))!);
        await desk.DeleteAsync(entries[2].Id, editorId, default);
        return new Story(article, editorId, entries);
    }

    [Fact]
    public async Task A_live_story_s_feed_lists_its_entries_newest_first_each_linking_to_its_permalink_and_leaves_deleted_ones_out()
    {
        var story = await LiveStoryAsync();
        foreach (var path in new[] { $"/articles/{story.Article.Slug}/feed", $"/articles/{story.Article.Slug}/feed/atom" })
        {
            var (_, feed) = await app.FeedAsync(path);
            feed.Title.Text.ShouldBe($"Live: {story.Article.Title}");
            feed.Items.Select(i => i.Links[0].Uri.Fragment).ShouldBe([$"#entry-{story.Entries[1].Id}", $"#entry-{story.Entries[0].Id}"], path);
            feed.Items.First().Title.Text.ShouldContain(story.Entries[1].BodyMarkdown);
            feed.Items.ShouldAllBe(i => !i.Title.Text.Contains("Gone"));
        }
        var plain = await app.ArticleAsync();
        (await app.Client().GetAsync($"/articles/{plain.Slug}/feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_live_story_s_json_ld_is_a_LiveBlogPosting_with_an_update_per_entry_and_an_end_time_once_coverage_ends()
    {
        var story = await LiveStoryAsync();
        var coverage = await app.WithDbAsync(db => db.LiveStories.AsNoTracking().SingleAsync(s => s.ArticleId == story.Article.Id));

        var (_, page) = await app.GetPageAsync($"/articles/{story.Article.Slug}");
        var ld = page.JsonLd()["LiveBlogPosting"];
        DateTime.Parse(ld.Str("coverageStartTime")).ToUniversalTime().ShouldBe(coverage.StartedAt, TimeSpan.FromSeconds(1));
        ld.TryGetProperty("coverageEndTime", out _).ShouldBeFalse("coverage is still running");
        var updates = ld.GetProperty("liveBlogUpdate").EnumerateArray().ToList();
        updates.Select(u => u.Str("url")).ShouldBe([.. new[] { story.Entries[1], story.Entries[0] }.Select(e => $"{page.Canonical()}#entry-{e.Id}")]);
        updates.ShouldAllBe(u => u.Str("@type") == "BlogPosting" && u.Str("author", "name") == "Ada Reporter");
        updates[0].Str("articleBody").ShouldBe(story.Entries[1].BodyMarkdown);

        using (var scope = app.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<LiveDesk>().EndAsync(story.Article.Id, story.EditorId, default)).ShouldBeTrue();
        var ended = await app.WithDbAsync(db => db.LiveStories.AsNoTracking().SingleAsync(s => s.ArticleId == story.Article.Id));
        var (_, after) = await app.GetPageAsync($"/articles/{story.Article.Slug}");
        var endedLd = after.JsonLd()["LiveBlogPosting"];
        DateTime.Parse(endedLd.Str("coverageEndTime")).ToUniversalTime().ShouldBe(ended.EndedAt!.Value, TimeSpan.FromSeconds(1));
        endedLd.GetProperty("liveBlogUpdate").GetArrayLength().ShouldBe(2, "an ended story keeps its entries");
    }
}
