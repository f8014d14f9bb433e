using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Ranking;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// SQLite's plans for what a cache miss reads (issue 15). SQLite keeps no statistics for this
/// database, so a plan follows from the query's shape and the indexes alone: the plan seen on
/// this small file is the one a 100,000-article file gets. A list must walk an index in its own
/// order and stop at the page; a "USE TEMP B-TREE" means every matching story is read and sorted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ArticleQueryPlanTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private Task<string> PlanAsync(Func<BroadsheetDb, IQueryable> query) => app.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = query(db).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    });

    [SqliteOnlyFact("Reads SQLite's query plans")]
    public async Task Latest_page_one_walks_the_published_time_index_backwards_and_sorts_nothing()
    {
        var plan = await PlanAsync(db => db.Articles.Live(Now).Newest().Skip(0).Take(ArticleFeed.PageSize + 1).Select(ArticleQueries.Card));
        plan.ShouldContain("USING INDEX IX_Articles_PublishedAt_Id_Status");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [SqliteOnlyFact("Reads SQLite's query plans")]
    public async Task A_section_page_and_the_home_pages_section_blocks_seek_the_section_index_and_sort_nothing()
    {
        var plan = await PlanAsync(db => db.Articles.Live(Now).Where(a => a.CategoryId == 1).Newest().Skip(0).Take(ArticleFeed.PageSize + 1).Select(ArticleQueries.Card));
        plan.ShouldContain("USING INDEX IX_Articles_CategoryId_PublishedAt_Id_Status (CategoryId=?");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [SqliteOnlyFact("Reads SQLite's query plans")]
    public async Task The_start_of_an_old_page_number_is_found_from_the_index_alone()
    {
        // What ListPageModel asks for /latest?page=400 and /category/x?page=200.
        var latest = await PlanAsync(db => db.Articles.Live(Now).Newest().Skip(399 * ArticleFeed.PageSize - 1)
            .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Id }).Take(1));
        latest.ShouldContain("USING COVERING INDEX IX_Articles_PublishedAt_Id_Status");
        latest.ShouldNotContain("TEMP B-TREE");
        var section = await PlanAsync(db => db.Articles.Live(Now).Where(a => a.CategoryId == 1).Newest().Skip(199 * ArticleFeed.PageSize - 1)
            .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.Id }).Take(1));
        section.ShouldContain("USING COVERING INDEX IX_Articles_CategoryId_PublishedAt_Id_Status (CategoryId=?");
        section.ShouldNotContain("TEMP B-TREE");
    }

    [SqliteOnlyFact("Reads SQLite's query plans")]
    public async Task An_older_page_by_cursor_seeks_from_the_cursor_and_sorts_nothing()
    {
        var cursor = new FeedCursor(Now.AddDays(-30), 7152);
        var plan = await PlanAsync(db => db.Articles.Live(cursor.PublishedAt).After(cursor).Newest().Skip(0).Take(ArticleFeed.PageSize + 1).Select(ArticleQueries.Card));
        plan.ShouldContain("USING INDEX IX_Articles_PublishedAt_Id_Status (PublishedAt<?)");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [SqliteOnlyFact("Reads SQLite's query plans")]
    public async Task The_trending_box_walks_the_hotness_index_from_the_top_and_sorts_nothing()
    {
        var plan = await PlanAsync(db => Rankings.ByHotness(db).Skip(0).Take(50).Select(a => new { a.Id, a.PublishedAt }));
        plan.ShouldContain("USING COVERING INDEX IX_Articles_Hotness_PublishedAt");
        plan.ShouldNotContain("TEMP B-TREE");
    }
}
