using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Ranking;

[Trait("Category", "Integration")]
public sealed class TrendingTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private async Task<Article> StoryAsync(int up = 0, int down = 0, int comments = 0, double hoursOld = 1)
    {
        var article = await app.ArticleAsync(a =>
        {
            a.PublishedAt = DateTime.UtcNow.AddHours(-hoursOld);
            (a.Upvotes, a.Downvotes, a.CommentCount) = (up, down, comments);
        });
        await app.WithDbAsync(db => HotnessRefresh.RunAsync(db, [article.Id], DateTime.UtcNow, default));
        await app.ContentChangedAsync();
        return article;
    }

    private async Task<List<string>> SlugsAsync(string path)
    {
        var (response, page) = await app.GetPageAsync(path);
        ((int)response.StatusCode).ShouldBe(200);
        return [.. page.QuerySelectorAll(".feed .card-title a").Select(a => a.GetAttribute("href")!.Split('/').Last())];
    }

    [Fact]
    public async Task Hotness_is_stored_from_the_formula_when_refreshed()
    {
        var story = await StoryAsync(up: 30, down: 2, comments: 4, hoursOld: 3);
        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).Select(a => a.Hotness).SingleAsync());
        stored.ShouldBe(Hotness.Of(28, 4, 0, TimeSpan.FromHours(3)), 0.01);
    }

    [Fact]
    public async Task Trending_puts_a_fresh_lively_story_above_an_older_busier_one_and_a_quiet_one()
    {
        var quiet = await StoryAsync(hoursOld: 2);
        var older = await StoryAsync(up: 90_000, comments: 100, hoursOld: 100);
        var lively = await StoryAsync(up: 4000, comments: 30, hoursOld: 2);
        var slugs = await SlugsAsync("/trending/now");
        // Other tests' stories share the list, so compare positions, not exact places.
        slugs.ShouldContain(lively.Slug);
        slugs.ShouldContain(older.Slug);
        slugs.IndexOf(lively.Slug).ShouldBeLessThan(slugs.IndexOf(older.Slug));
        var quietAt = slugs.IndexOf(quiet.Slug);
        (quietAt < 0 || quietAt > slugs.IndexOf(older.Slug)).ShouldBeTrue();
    }

    [Fact]
    public async Task Top_this_week_ranks_by_points_and_leaves_out_older_stories()
    {
        var best = await StoryAsync(up: 500_000, hoursOld: 30);
        var second = await StoryAsync(up: 400_000, down: 10, hoursOld: 3);
        var old = await StoryAsync(up: 900_000, hoursOld: 24 * 8);
        var slugs = await SlugsAsync("/trending/top-week");
        slugs.Take(2).ShouldBe([best.Slug, second.Slug]);
        slugs.ShouldNotContain(old.Slug);
    }

    [Fact]
    public async Task Most_discussed_ranks_by_comments()
    {
        var most = await StoryAsync(comments: 7000);
        var next = await StoryAsync(comments: 6000);
        (await SlugsAsync("/trending/most-discussed")).Take(2).ShouldBe([most.Slug, next.Slug]);
    }

    [Fact]
    public async Task Most_viewed_today_and_this_week_add_up_the_daily_rows()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var steady = await StoryAsync(hoursOld: 24 * 5);
        var spike = await StoryAsync();
        await app.WithDbAsync(async db =>
        {
            for (var d = 0; d < 5; d++) db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = steady.Id, Day = today.AddDays(-d), Views = 90_000 });
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = spike.Id, Day = today, Views = 200_000 });
            await db.SaveChangesAsync();
            // What a views flush does after writing its rows: the boxes read the kept rankings.
            await RankingRefresh.RunAsync(db, [steady.Id, spike.Id], DateTime.UtcNow, default);
        });
        await app.ContentChangedAsync();

        (await SlugsAsync("/trending/most-viewed-today")).Take(2).ShouldBe([spike.Slug, steady.Slug]);
        (await SlugsAsync("/trending/most-viewed-week")).Take(2).ShouldBe([steady.Slug, spike.Slug]);
        var (_, page) = await app.GetPageAsync("/trending");
        page.QuerySelector("#rank-most-viewed-week")!.ParentElement!.QuerySelector("li .count")!.TextContent.ShouldBe("450,000 views");
    }

    [Fact]
    public async Task The_trending_page_has_every_ranking_and_each_list_loads_more()
    {
        for (var i = 0; i < 21; i++) await StoryAsync(up: 100 + i, hoursOld: 1 + i);
        var (_, overview) = await app.GetPageAsync("/trending");
        overview.QuerySelectorAll(".ranked-box h2").Select(h => h.TextContent).ShouldBe(TrendingList.All.Select(l => l.Title));

        var (_, page) = await app.GetPageAsync("/trending/top-week");
        page.QuerySelectorAll(".feed .card").Length.ShouldBe(20);
        var more = page.QuerySelector(".load-more a")!.GetAttribute("href");
        more.ShouldBe("/trending/top-week?page=2");
        var (second, _) = await app.GetPageAsync(more!);
        ((int)second.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task The_home_page_shows_every_ranking_linking_to_its_full_list()
    {
        var hot = await StoryAsync(up: 1_000_000);
        var (_, home) = await app.GetPageAsync("/");
        var boxes = home.QuerySelectorAll(".home-rankings .ranked-box h2 a");
        boxes.Select(a => a.GetAttribute("href")).ShouldBe(TrendingList.All.Select(l => l.Path));
        home.QuerySelector("#rank-now")!.ParentElement!.QuerySelector("li a")!.GetAttribute("href").ShouldBe($"/articles/{hot.Slug}");
    }

    [Theory]
    [InlineData("/trending/nope")]
    [InlineData("/trending/now?page=0")]
    public async Task Unknown_lists_and_bad_pages_are_refused(string path)
    {
        var (response, _) = await app.GetPageAsync(path);
        ((int)response.StatusCode).ShouldBeOneOf(400, 404);
    }
}
