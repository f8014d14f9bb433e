using AngleSharp.Dom;
using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Analytics;

[Trait("Category", "Integration")]
public sealed class AnalyticsTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static DateOnly Today => NewsroomData.Today;

    private static Dictionary<string, long> Chart(IDocument page, string id) =>
        page.QuerySelectorAll($"#{id} rect.chart-bar").ToDictionary(r => r.GetAttribute("data-day")!, r => long.Parse(r.GetAttribute("data-value")!));

    private static Dictionary<string, long> Table(IDocument page, string id) =>
        page.QuerySelectorAll($"#{id} table tbody tr").ToDictionary(r => r.QuerySelector("time")!.GetAttribute("datetime")!, r => long.Parse(r.QuerySelector("td")!.TextContent));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_articles_charts_show_its_rows_per_utc_day_with_zeros_between()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var article = await app.ArticleAsync();
        var voters = new[] { await app.UserAsync(), await app.UserAsync(), await app.UserAsync() };
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            db.ArticleDailyViews.AddRange(
                new ArticleDailyViews { ArticleId = article.Id, Day = Today, Views = 7 },
                new ArticleDailyViews { ArticleId = article.Id, Day = Today.AddDays(-3), Views = 2 },
                new ArticleDailyViews { ArticleId = article.Id, Day = Today.AddDays(-29), Views = 4 },
                new ArticleDailyViews { ArticleId = article.Id, Day = Today.AddDays(-30), Views = 99 }); // outside the 30 days
            db.ArticleVotes.AddRange(
                new ArticleVote { ArticleId = article.Id, UserId = voters[0].Id, Value = 1, CreatedAt = now, UpdatedAt = now },
                new ArticleVote { ArticleId = article.Id, UserId = voters[1].Id, Value = -1, CreatedAt = now, UpdatedAt = now },
                new ArticleVote { ArticleId = article.Id, UserId = voters[2].Id, Value = 1, CreatedAt = now.AddDays(-1), UpdatedAt = now });
            foreach (var (status, when) in new[] { (CommentStatus.Visible, now), (CommentStatus.Visible, now.AddDays(-2)), (CommentStatus.Held, now), (CommentStatus.Rejected, now) })
                db.Comments.Add(new Comment { ArticleId = article.Id, GuestName = "Sam", BodyMarkdown = "Yes.", BodyHtml = "<p>Yes.</p>", Status = status, CreatedAt = when });
            await db.SaveChangesAsync();
        });

        var page = await editor.PageAsync($"/newsroom/articles/{article.Id}/analytics");

        var views = Chart(page, "chart-views");
        views.Count.ShouldBe(30);
        views.Where(d => d.Value != 0).ShouldBe(new Dictionary<string, long> { [Iso(Today.AddDays(-29))] = 4, [Iso(Today.AddDays(-3))] = 2, [Iso(Today)] = 7 }, ignoreOrder: true);
        Table(page, "chart-views").ShouldBe(views, ignoreOrder: true);
        Chart(page, "chart-votes").Where(d => d.Value != 0).ShouldBe(new Dictionary<string, long> { [Iso(Today.AddDays(-1))] = 1, [Iso(Today)] = 2 }, ignoreOrder: true);
        Chart(page, "chart-comments").Where(d => d.Value != 0).ShouldBe(new Dictionary<string, long> { [Iso(Today.AddDays(-2))] = 1, [Iso(Today)] = 1 }, ignoreOrder: true);
        page.QuerySelector("#chart-views-desc")!.TextContent.ShouldContain("13 in all; most on");
        page.QuerySelector("h1")!.TextContent.ShouldContain(article.Title);
    }

    [Fact]
    public async Task Top_articles_and_referrers_rank_by_views_within_today_7_and_30_days()
    {
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        // Large numbers, so other tests' stories never come between these.
        var (a, b, c) = (await app.ArticleAsync(), await app.ArticleAsync(), await app.ArticleAsync());
        var (near, far) = (TestNewsroom.Unique("near") + ".example", TestNewsroom.Unique("far") + ".example");
        await app.WithDbAsync(async db =>
        {
            void Views(int id, int daysAgo, long n) => db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = id, Day = Today.AddDays(-daysAgo), Views = n });
            Views(a.Id, 0, 3_000_000);
            Views(b.Id, 0, 2_000_000); Views(b.Id, 5, 2_000_000);
            Views(c.Id, 10, 9_000_000); Views(c.Id, 40, 90_000_000);
            void Referred(string domain, int daysAgo, long n) => db.ReferrerDaily.Add(new ReferrerDaily { ArticleId = a.Id, Day = Today.AddDays(-daysAgo), Domain = domain, Views = n });
            Referred(near, 1, 5_000_000);
            Referred(far, 2, 1_000_000); Referred(far, 20, 9_000_000);
            await db.SaveChangesAsync();
        });

        var page = await editor.PageAsync("/newsroom/analytics");

        page.Listed("top-today")[..2].ShouldBe([a.Id, b.Id]);
        page.Listed("top-week")[..2].ShouldBe([b.Id, a.Id]);
        page.Listed("top-month")[..3].ShouldBe([c.Id, b.Id, a.Id]);
        page.QuerySelector($"#top-week [data-article='{b.Id}'] .count")!.TextContent.ShouldBe("4,000,000 views");
        string[] Domains(string id) => [.. page.QuerySelectorAll($"#{id} .domain").Select(d => d.TextContent).Where(d => d == near || d == far)];
        Domains("referrers-week").ShouldBe([near, far]);
        Domains("referrers-month").ShouldBe([far, near]);
        Chart(page, "chart-views")[Iso(Today)].ShouldBeGreaterThanOrEqualTo(5_000_000);
    }

    [Fact]
    public async Task Referrers_count_once_per_counted_view_by_domain_only()
    {
        var article = await app.ArticleAsync();
        var site = TestNewsroom.Unique("paper") + ".example";
        async Task Read(string userAgent, string? referer)
        {
            using var client = app.Client();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            if (referer is not null) request.Headers.TryAddWithoutValidation("Referer", referer);
            ((int)(await client.SendAsync(request)).StatusCode).ShouldBe(200);
        }
        string Browser(int n) => $"Mozilla/5.0 (X11; Linux x86_64; rv:{100 + n}.0) Gecko/20100101 Firefox/{100 + n}.0";

        await Read(Browser(1), $"https://www.{site.ToUpperInvariant()}/politics/story?email=someone%40example.test");
        await Read(Browser(1), $"https://other.example/"); // the same reader again: not counted, nor its referrer
        await Read(Browser(2), $"http://{site}/");
        await Read(Browser(3), new Uri(app.Address, "/latest").ToString()); // our own page
        await Read(Browser(4), null);
        await Read(Browser(5), "android-app://com.example.mail/");
        await Read("Mozilla/5.0 (compatible; Googlebot/2.1)", $"https://{site}/"); // a bot: not a view

        // The flush runs each second; wait for it by watching the day's views reach the five readers.
        var views = 0L;
        for (var i = 0; i < 200 && views < 5; i++)
        {
            views = await app.WithDbAsync(db => db.ArticleDailyViews.Where(d => d.ArticleId == article.Id).SumAsync(d => d.Views));
            if (views < 5) await Task.Delay(100);
        }
        views.ShouldBe(5);

        var rows = await app.WithDbAsync(db => db.ReferrerDaily.Where(r => r.ArticleId == article.Id).ToListAsync());
        rows.Select(r => (r.Day, r.Domain, r.Views)).ShouldBe([(Today, site, 2L)]);
    }

    [Fact]
    public async Task Authors_see_their_own_articles_analytics_and_get_403_for_others_and_the_site()
    {
        var (author, mine) = await app.SignedInAuthorAsync();
        var (_, theirs) = await app.SignedInAuthorAsync();
        using var _a = author;
        var own = await app.StoryAsync(mine, ArticleStatus.Draft);
        var other = await app.StoryAsync(theirs, ArticleStatus.Published);
        var unowned = await app.ArticleAsync(); // a byline with no account

        (await author.PageAsync($"/newsroom/articles/{own.Id}/analytics")).QuerySelector("#chart-views").ShouldNotBeNull();
        var refused = await author.PageAsync($"/newsroom/articles/{other.Id}/analytics", 403);
        refused.Body!.TextContent.ShouldNotContain(other.Title);
        await author.PageAsync($"/newsroom/articles/{unowned.Id}/analytics", 403);
        (await author.PageAsync("/newsroom/analytics", 403)).QuerySelector("#chart-views").ShouldBeNull();
    }

    [Fact]
    public async Task Readers_get_403_everywhere_and_unknown_articles_are_404()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _r = reader; using var _e = editor;
        await reader.PageAsync("/newsroom/analytics", 403);
        await reader.PageAsync($"/newsroom/articles/{article.Id}/analytics", 403);
        await editor.PageAsync($"/newsroom/articles/{article.Id}/analytics");
        await editor.PageAsync("/newsroom/articles/2147483000/analytics", 404);
        await editor.PageAsync("/newsroom/articles/abc/analytics", 404);
    }
}
