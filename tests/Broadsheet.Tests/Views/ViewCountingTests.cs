using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Broadsheet.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Views;

/// <summary>The timer is slowed right down: tests flush when they choose, or by stopping the host.</summary>
public sealed class ManualFlushApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Views:FlushMilliseconds", "3600000")];
}

[Trait("Category", "Integration")]
public sealed class ViewCountingTests(ManualFlushApp app) : IClassFixture<ManualFlushApp>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string Safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    private static async Task<HttpResponseMessage> ReadAsync(BroadsheetApp app, Article article, string ua, string method = "GET", (string, string)? header = null, string ip = "203.0.113.10")
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/articles/{article.Slug}");
        request.Headers.TryAddWithoutValidation("User-Agent", ua);
        request.Headers.Add("X-Forwarded-For", ip);
        if (header is { } h) request.Headers.Add(h.Item1, h.Item2);
        return await client.SendAsync(request);
    }

    private static Task<int> FlushAsync(BroadsheetApp app) => app.Services.GetRequiredService<ViewFlusher>().FlushAsync(default);

    private static Task<(long Total, long Today)> CountsAsync(BroadsheetApp app, Article article) => app.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var total = await db.Articles.Where(a => a.Id == article.Id).Select(a => a.ViewCount).SingleAsync();
        var day = await db.ArticleDailyViews.Where(d => d.ArticleId == article.Id && d.Day == today).Select(d => d.Views).SingleOrDefaultAsync();
        return (total, day);
    });

    [Fact]
    public async Task A_reader_counts_once_per_article_per_day_and_another_browser_is_another_reader()
    {
        var article = await app.ArticleAsync();
        await ReadAsync(app, article, Firefox);
        await ReadAsync(app, article, Firefox);
        await ReadAsync(app, article, Safari);
        await FlushAsync(app);
        await ReadAsync(app, article, Firefox); // after the flush: the database remembers
        await FlushAsync(app);

        (await CountsAsync(app, article)).ShouldBe((2, 2));
        (await app.WithDbAsync(db => db.ArticleViewers.CountAsync(v => v.ArticleId == article.Id))).ShouldBe(2);
        var (_, page) = await app.GetPageAsync(VoteWidget.PathFor(article.Slug));
        page.QuerySelector(".views")!.TextContent.ShouldBe("2 Views");
    }

    [Fact]
    public async Task A_signed_in_reader_is_one_reader_on_any_browser()
    {
        var article = await app.ArticleAsync();
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        foreach (var ua in new[] { Firefox, Safari })
        {
            reader.Http.DefaultRequestHeaders.Remove("User-Agent");
            reader.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ua);
            await reader.GetPageAsync($"/articles/{article.Slug}");
        }
        await FlushAsync(app);
        (await CountsAsync(app, article)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Bots_prefetches_heads_and_missing_pages_are_not_counted()
    {
        var article = await app.ArticleAsync();
        await ReadAsync(app, article, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await ReadAsync(app, article, "curl/8.5.0");
        await ReadAsync(app, article, Firefox, header: ("Sec-Purpose", "prefetch"));
        await ReadAsync(app, article, Firefox, header: ("Purpose", "prefetch"));
        await ReadAsync(app, article, Firefox, method: "HEAD");
        using (var client = app.Client())
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Firefox);
            await client.GetAsync("/articles/no-such-story");
            await client.GetAsync($"/articles/{article.Slug}/counters");
        }
        await FlushAsync(app);
        (await CountsAsync(app, article)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Pages_served_from_the_output_cache_are_counted_too()
    {
        var article = await app.ArticleAsync();
        var first = await ReadAsync(app, article, Firefox, ip: "203.0.113.21");
        var cached = await ReadAsync(app, article, Firefox, ip: "203.0.113.22");
        cached.Headers.Age.ShouldNotBeNull(); // really from the cache
        await FlushAsync(app);
        (await CountsAsync(app, article)).ShouldBe((2, 2));
    }

    [Fact]
    public async Task Stopping_the_host_flushes_the_buffer_and_a_second_instance_counts_the_same_reader_once()
    {
        var article = await app.ArticleAsync();
        var other = await BroadsheetApp.SiblingOfAsync(app);
        await ReadAsync(other, article, Firefox, ip: "203.0.113.31");
        await ReadAsync(other, article, Safari, ip: "203.0.113.31");
        await ReadAsync(app, article, Firefox, ip: "203.0.113.31"); // the same reader, on the other instance
        await other.DisposeAsync(); // graceful stop: the sibling's buffer is flushed
        (await CountsAsync(app, article)).ShouldBe((2, 2));

        await FlushAsync(app);
        (await CountsAsync(app, article)).ShouldBe((2, 2));
    }

    [Fact]
    public async Task A_flush_cancelled_mid_write_puts_its_views_back_for_the_next()
    {
        // A host stopping while a flush was under way once cancelled its write, and the views it had taken were gone.
        var article = await app.ArticleAsync();
        await ReadAsync(app, article, Firefox, ip: "203.0.113.41");
        await ReadAsync(app, article, Safari, ip: "203.0.113.41");
        var buffer = app.Services.GetRequiredService<ViewBuffer>();
        buffer.Count.ShouldBeGreaterThanOrEqualTo(2);

        await Should.ThrowAsync<OperationCanceledException>(() => app.Services.GetRequiredService<ViewFlusher>().FlushAsync(new CancellationToken(canceled: true)));
        (await CountsAsync(app, article)).ShouldBe((0, 0));
        buffer.Count.ShouldBeGreaterThanOrEqualTo(2);

        await FlushAsync(app);
        (await CountsAsync(app, article)).ShouldBe((2, 2));
    }

    [Fact]
    public async Task Yesterdays_viewers_are_swept_but_the_daily_totals_stay()
    {
        var article = await app.ArticleAsync();
        var old = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await app.WithDbAsync(async db =>
        {
            db.ArticleViewers.Add(new ArticleViewer { ArticleId = article.Id, Day = old, Reader = ReaderKey.ForUser(1) });
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = article.Id, Day = old, Views = 1 });
            await db.SaveChangesAsync();
        });
        // A fresh instance sweeps on its first flush.
        await using var other = await BroadsheetApp.SiblingOfAsync(app);
        await ReadAsync(other, article, Firefox, ip: "203.0.113.41");
        await other.Services.GetRequiredService<ViewFlusher>().FlushAsync(default);

        (await app.WithDbAsync(db => db.ArticleViewers.AnyAsync(v => v.ArticleId == article.Id && v.Day == old))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.ArticleDailyViews.AnyAsync(d => d.ArticleId == article.Id && d.Day == old))).ShouldBeTrue();
        (await app.WithDbAsync(db => db.DailySalts.CountAsync())).ShouldBe(1);
    }
}
