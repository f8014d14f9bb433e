using Broadsheet.Articles;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Views;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Ranking;

/// <summary>
/// Views raise <see cref="ICountersFlushed"/> and Ranking implements it (issue 18): a flush must
/// still move the stored hotness, or trending would ignore views while Views no longer names Ranking.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HotnessOnViewsTests(ManualFlushApp app) : IClassFixture<ManualFlushApp>
{
    [Fact]
    public Task A_views_flush_recomputes_the_stored_hotness_of_the_viewed_article() => FlushMovesHotnessAsync(app);

    internal static async Task FlushMovesHotnessAsync(BroadsheetApp app)
    {
        // Twenty days old: outside the cooling round's window, so only the flush can touch its hotness.
        var published = DateTime.UtcNow.AddDays(-20);
        var article = await app.ArticleAsync(a => { a.PublishedAt = published; a.Hotness = -1; });

        using (var client = app.Client())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article.Slug}");
            request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        (await app.Services.GetRequiredService<ViewFlusher>().FlushAsync(default)).ShouldBe(1);

        var stored = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => new { a.Hotness, a.ViewCount }).SingleAsync());
        stored.ViewCount.ShouldBe(1);
        var expected = Hotness.Of(0, 0, 1, DateTime.UtcNow - published);
        expected.ShouldBeGreaterThan(0);
        stored.Hotness.ShouldBe(expected, expected / 1000); // the age moved by the test's own seconds only
    }
}
