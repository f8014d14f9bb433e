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
/// votes and comment count it shows are at most 2 seconds behind the database (docs/architecture.md):
/// no cached copy is served once it is a second old, and views reach the database within a flush.
/// The tests read each copy's age from the server (the Age header, whole seconds), not from the
/// test's own clock, so a slow machine cannot fail them; with a longer page lifetime they fail.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveCountsTests(ShippedCacheApp app) : IClassFixture<ShippedCacheApp>
{
    /// <summary>The oldest a cached copy may be, in whole seconds as the Age header counts.</summary>
    private const int OldestCopy = 1;

    [Fact]
    public async Task A_vote_shows_on_the_cached_page_and_no_copy_is_older_than_a_second()
    {
        var article = await app.ArticleAsync();
        await CachedAsync(article);
        var user = await app.UserAsync(joinedAt: DateTime.UtcNow.AddDays(-30));
        using var reader = app.Reader();
        ((int)(await reader.SignInAsync(user.Email!)).Response.StatusCode).ShouldBe(302);
        ((int)(await reader.VoteOnArticleAsync(article.Slug, "up")).StatusCode).ShouldBe(302);

        (await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Upvotes).SingleAsync())).ShouldBe(1);
        await ShowsAsync(article, ".votes", "1 Vote: 1 Upvote, 0 Downvotes (1 Point)");
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
        await ShowsAsync(article, ".views", "5 Views");
    }

    [Fact]
    public async Task The_comment_count_on_the_cached_page_follows_and_no_copy_is_older_than_a_second()
    {
        var article = await app.ArticleAsync();
        await CachedAsync(article);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentCount, 3)));

        await ShowsAsync(article, "#thread a.button", "Read the comments (3)");
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

    /// <summary>
    /// Polls the anonymous page until the element reads the text (giving up after 10 s, a guard
    /// against hanging, not the promise). Every copy served meanwhile was at most a second old.
    /// </summary>
    private async Task ShowsAsync(Article article, string selector, string text)
    {
        var ages = new List<long>();
        for (var clock = Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            var (response, page) = await app.GetPageAsync($"/articles/{article.Slug}");
            response.EnsureSuccessStatusCode();
            ages.Add((long)(response.Headers.Age?.TotalSeconds ?? 0));
            if (page.QuerySelector(selector)?.TextContent == text) break;
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"{selector} never read '{text}'; copies' ages {string.Join(", ", ages.Distinct())} s");
        }
        ages.Max().ShouldBeLessThanOrEqualTo(OldestCopy, "a cached copy older than a second was served");
    }
}
