using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;

namespace Broadsheet.Tests.Articles;

/// <summary>The page lifetime and view flushes as shipped, instead of the tests' usual 60 s cache.</summary>
public sealed class ShippedCacheApp : BroadsheetApp
{
    protected override bool ShippedPageLifetime => true;
}

/// <summary>
/// Issue 8: the article page is served from the output cache to anonymous readers, yet the views,
/// votes and comment count it shows are at most 2 seconds behind the database (docs/architecture.md).
/// The 2-second bound is the product's promise, not a speed measurement.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveCountsTests(ShippedCacheApp app) : IClassFixture<ShippedCacheApp>
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_vote_shows_on_the_cached_page_within_two_seconds()
    {
        var article = await app.ArticleAsync();
        await CachedAsync(article);
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        using var reader = app.Reader();
        ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);
        var saved = Stopwatch.StartNew();

        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Upvotes).SingleAsync())).ShouldBe(1);
        await ShowsAsync(article, ".votes", "1 Votes: 1 Upvotes, 0 Downvotes (1 Points)");
        saved.Elapsed.ShouldBeLessThanOrEqualTo(Promise + TimeSpan.FromMilliseconds(500), "the vote was not on the anonymous page within 2 s");
    }

    [Fact]
    public async Task Views_from_distinct_readers_show_exactly_on_the_cached_page_once_flushed()
    {
        var article = await app.ArticleAsync();
        await CachedAsync(article); // without a User-Agent: not counted, like a bot
        using var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
            request.Headers.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Reader/{i}");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var flushed = Stopwatch.StartNew();
        long views = 0;
        while (flushed.Elapsed < TimeSpan.FromSeconds(10) && views < 5)
        {
            await Task.Delay(100);
            views = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.ViewCount).SingleAsync());
        }
        views.ShouldBe(5);
        flushed.Restart();
        await ShowsAsync(article, ".views", "5 Views");
        flushed.Elapsed.ShouldBeLessThanOrEqualTo(Promise + TimeSpan.FromMilliseconds(500), "flushed views were not on the page within 2 s");
    }

    [Fact]
    public async Task The_comment_count_on_the_cached_page_follows_within_two_seconds()
    {
        var article = await app.ArticleAsync();
        await CachedAsync(article);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentCount, 3)));
        var changed = Stopwatch.StartNew();

        await ShowsAsync(article, "#thread a.button", "Read the comments (3)");
        changed.Elapsed.ShouldBeLessThanOrEqualTo(Promise + TimeSpan.FromMilliseconds(500), "the comment count was not on the page within 2 s");
    }

    /// <summary>Renders the page and shows it is then served from the cache, so freshness is not an accident of rendering every time.</summary>
    private async Task CachedAsync(Article article)
    {
        using var client = app.Client();
        for (var i = 0; i < 20; i++)
        {
            var response = await client.GetAsync($"/articles/{article.Slug}");
            response.EnsureSuccessStatusCode();
            if (response.Headers.Age is not null) return;
        }
        throw new InvalidOperationException("The article page never came from the output cache");
    }

    /// <summary>Polls the anonymous page until the element reads the text; gives up after 5 s.</summary>
    private async Task ShowsAsync(Article article, string selector, string text)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (_, page) = await app.GetPageAsync($"/articles/{article.Slug}");
            if (page.QuerySelector(selector)?.TextContent == text) return;
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), $"{selector} never read '{text}'");
            await Task.Delay(50);
        }
    }
}
