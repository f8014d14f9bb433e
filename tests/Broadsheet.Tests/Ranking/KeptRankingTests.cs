using Broadsheet.Articles;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ranking;

/// <summary>Views flush by hand, and EF logs every statement, so a test can see what a render read.</summary>
public sealed class StatementLoggingApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Views:FlushMilliseconds", "3600000"), new("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information")];
}

/// <summary>
/// The home page's ranking boxes come from rows kept as counts flush (issue 15), not from
/// aggregating the view and vote tables on each render; the rows must say what the lists' own
/// definitions (<see cref="TrendingList.Query"/>) say.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KeptRankingTests(StatementLoggingApp app) : IClassFixture<StatementLoggingApp>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private async Task ReadAsync(Article article)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
        request.Headers.TryAddWithoutValidation("User-Agent", Firefox);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static string? FirstIn(AngleSharp.Dom.IDocument page, string list, string what) =>
        page.QuerySelector($"#rank-{list}")!.ParentElement!.QuerySelector(what) is { } e
            ? (e.GetAttribute("href") ?? e.TextContent) : null;

    [Fact]
    public async Task A_views_flush_moves_a_story_into_the_most_viewed_boxes_and_the_home_page_shows_it_after_eviction()
    {
        var story = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-3));
        // Views counted earlier today, written without a refresh: only the flush's recount may bring them in.
        await app.WithDbAsync(async db =>
        {
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = story.Id, Day = DateOnly.FromDateTime(DateTime.UtcNow), Views = 50_000_000 });
            await db.SaveChangesAsync();
        });
        await app.ContentChangedAsync();
        var (_, before) = await app.GetPageAsync("/");
        FirstIn(before, "most-viewed-today", "li a").ShouldNotBe($"/articles/{story.Slug}");

        await ReadAsync(story);
        (await app.Services.GetRequiredService<ViewFlusher>().FlushAsync(default)).ShouldBe(1);
        var kept = await app.WithDbAsync(db => db.RankedArticles.Where(r => r.ArticleId == story.Id)
            .ToDictionaryAsync(r => r.List, r => r.Figure));
        kept[TrendingKind.ViewedToday].ShouldBe(50_000_001);
        kept[TrendingKind.ViewedWeek].ShouldBe(50_000_001);

        var (_, cached) = await app.GetPageAsync("/");
        FirstIn(cached, "most-viewed-today", "li a").ShouldBe(FirstIn(before, "most-viewed-today", "li a")); // still the cached page
        await app.ContentChangedAsync();
        var (_, after) = await app.GetPageAsync("/");
        FirstIn(after, "most-viewed-today", "li a").ShouldBe($"/articles/{story.Slug}");
        FirstIn(after, "most-viewed-today", "li .count").ShouldBe("50,000,001 views");
        FirstIn(after, "most-viewed-week", "li a").ShouldBe($"/articles/{story.Slug}");
    }

    [Fact]
    public async Task The_home_page_on_a_miss_reads_neither_the_daily_views_nor_the_votes()
    {
        var story = await app.ArticleAsync(a => { a.PublishedAt = DateTime.UtcNow.AddHours(-1); a.Upvotes = 3; a.CommentCount = 2; });
        await app.WithDbAsync(db => HotnessRefresh.RunAsync(db, [story.Id], DateTime.UtcNow, default));
        await app.ContentChangedAsync();
        var mark = app.Logs.Lines.Count;

        var (response, page) = await app.GetPageAsync("/");

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelectorAll(".home-rankings .ranked-box").Length.ShouldBe(TrendingList.All.Count);
        var statements = app.Logs.Lines.Skip(mark).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).ToList();
        statements.ShouldContain(s => s.Contains("\"RankedArticles\""));
        statements.ShouldNotContain(s => s.Contains("\"ArticleDailyViews\"") || s.Contains("\"ArticleVotes\""));
    }

    [Fact]
    public async Task Every_kept_box_equals_the_first_stories_of_its_list_by_definition()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            // Ties on purpose (i / 3): the newer story must come first among equals, as in the lists.
            var story = await app.ArticleAsync(a =>
            {
                a.PublishedAt = DateTime.UtcNow.AddHours(-6 - 20 * i);
                (a.Upvotes, a.Downvotes, a.CommentCount) = (7_000_000 + i / 3, i % 2, 7_000_000 + i / 3);
            });
            ids.Add(story.Id);
            await app.WithDbAsync(async db =>
            {
                // Today, three and six days ago (the week's first day); the last story also eight days ago, outside it.
                for (var d = 0; d <= i % 3; d++)
                    db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = story.Id, Day = today.AddDays(-3 * d), Views = 9_000_000 + i / 3 });
                if (i == 11) db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = story.Id, Day = today.AddDays(-8), Views = 90_000_000 });
                await db.SaveChangesAsync();
            });
        }
        var now = DateTime.UtcNow;
        await app.WithDbAsync(db => HotnessRefresh.RunAsync(db, ids, now, default));

        foreach (var kind in RankingRefresh.Kept)
        {
            var list = TrendingList.All.Single(l => l.Kind == kind);
            var (byDefinition, kept) = await app.WithDbAsync(async db => (
                await list.Query(db, now).Take(8).Select(list.Link(db, now)).ToListAsync(),
                await RankingRefresh.BoxAsync(db, kind, now, 8, default)));
            kept.ShouldBe(byDefinition, $"{list.Slug}");
        }
    }
}
