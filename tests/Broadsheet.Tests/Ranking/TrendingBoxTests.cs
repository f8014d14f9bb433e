using Broadsheet.Articles;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Ranking;

/// <summary>
/// The "Trending" box walks the hotness index from the top instead of sorting the fortnight's
/// stories (issue 15); it must still show what the list's definition (<see cref="TrendingList.Query"/>) shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrendingBoxTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    [Fact]
    public async Task The_trending_box_equals_the_hot_lists_first_stories_past_stale_old_and_hidden_hot_ones_ties_included()
    {
        var now = DateTime.UtcNow;
        // Hotter than anything else in this database, and more than one batch of them, but out of
        // the box: stories older than the window (their stored hotness is stale), and a draft.
        for (var i = 0; i < 60; i++)
            await app.ArticleAsync(a => { a.PublishedAt = now.AddDays(-20 - i); a.Hotness = 9e9 - i; });
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = now.AddHours(-1); a.Hotness = 9.5e9; });
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = now.AddHours(2); a.Hotness = 9.5e9; });
        // In the window: pairs of equal hotness, so the newer one must come first.
        for (var i = 0; i < 8; i++)
            await app.ArticleAsync(a => { a.PublishedAt = now.AddHours(-3 - i); a.Hotness = 8e9 - i / 2; });

        var hot = TrendingList.All.Single(l => l.Kind == TrendingKind.Hot);
        var (byDefinition, box) = await app.WithDbAsync(async db => (
            await hot.Query(db, now).Take(5).Select(hot.Link(db, now)).ToListAsync(),
            await Rankings.HotBoxAsync(db, hot, now, 5, default)));
        byDefinition.Count.ShouldBe(5);
        box.ShouldBe(byDefinition);
    }
}
