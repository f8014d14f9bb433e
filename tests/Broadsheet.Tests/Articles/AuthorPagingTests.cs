using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Ranking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// An author's page lists their own and their co-written stories newest first (issue 24), and
/// pages by cursor so a deep page costs what page 1 costs: the co-written side walks the bylines'
/// own copy of the publication time, which the database keeps in step with the story.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class AuthorPagingTests(StatementLoggingApp app) : IClassFixture<StatementLoggingApp>
{
    private static List<string> Slugs(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".feed .card-title a").Select(a => a.GetAttribute("href")!.Split('/').Last())];

    private async Task<List<string>> WalkAsync(string path)
    {
        var walked = new List<string>();
        string? next = path;
        while (next is not null)
        {
            var (response, page) = await app.GetPageAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, next);
            walked.AddRange(Slugs(page));
            next = page.QuerySelector(".load-more a")?.GetAttribute("href");
        }
        return walked;
    }

    private Task CoWriteAsync(Article story, Author coAuthor) => app.WithDbAsync(async db =>
    {
        db.ArticleBylines.Add(new ArticleByline { ArticleId = story.Id, Position = 1, AuthorId = coAuthor.Id });
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// Ana's 45 stories: her own and Ben's with her as co-author, alternating, two to an instant
    /// (an own and a co-written story tie on the time, so the id decides), and a co-written draft
    /// and a co-written story scheduled for tomorrow that must not show.
    /// </summary>
    private async Task<(Author Ana, Author Ben, List<Article> Stories)> NewsroomAsync()
    {
        var (ana, ben) = (await app.AuthorAsync("Ana Lopes"), await app.AuthorAsync("Ben Hart"));
        var category = await app.CategoryAsync();
        var start = DateTime.UtcNow.AddHours(-1);
        var stories = new List<Article>();
        for (var i = 0; i < 45; i++)
        {
            var at = start.AddMinutes(-(i / 2));
            var story = await app.ArticleAsync(a => a.PublishedAt = at, category, i % 2 == 0 ? ana : ben);
            if (i % 2 == 1) await CoWriteAsync(story, ana);
            stories.Add(story);
        }
        await CoWriteAsync(await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.PublishedAt = start; }, category, ben), ana);
        await CoWriteAsync(await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(1); }, category, ben), ana);
        await app.ContentChangedAsync();
        return (ana, ben, stories);
    }

    private static List<string> Newest(IEnumerable<Article> stories) =>
        [.. stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Select(s => s.Slug)];

    [Fact]
    public async Task An_authors_pages_walk_own_and_co_written_stories_newest_first_ties_included()
    {
        var (ana, ben, stories) = await NewsroomAsync();

        var walked = await WalkAsync($"/author/{ana.Slug}");

        walked.ShouldBe(Newest(stories));
        (await WalkAsync($"/author/{ben.Slug}")).ShouldBe(Newest(stories.Where((_, i) => i % 2 == 1)));
        // Old page numbers land on the same stories.
        var (_, third) = await app.GetPageAsync($"/author/{ana.Slug}?page=3");
        Slugs(third).ShouldBe(Newest(stories).Skip(2 * ArticleFeed.PageSize));
    }

    [Fact]
    public async Task A_republished_co_written_story_moves_on_every_authors_page_and_its_bylines_follow()
    {
        var (ana, ben, stories) = await NewsroomAsync();
        var oldest = stories[^2]; // Ben's, co-written by Ana, on neither first page
        oldest.AuthorId.ShouldBe(ben.Id);

        await app.WithDbAsync(async db =>
        {
            var story = await db.Articles.SingleAsync(a => a.Id == oldest.Id);
            story.Status = ArticleStatus.Unpublished;
            await db.SaveChangesAsync();
        });
        (await app.WithDbAsync(db => db.ArticleBylines.Where(b => b.ArticleId == oldest.Id).Select(b => b.PublishedAt).SingleAsync())).ShouldBeNull();
        await app.ContentChangedAsync();
        (await WalkAsync($"/author/{ana.Slug}")).ShouldNotContain(oldest.Slug);

        var again = DateTime.UtcNow.AddSeconds(-5);
        await app.WithDbAsync(async db =>
        {
            var story = await db.Articles.SingleAsync(a => a.Id == oldest.Id);
            (story.Status, story.PublishedAt) = (ArticleStatus.Published, again);
            await db.SaveChangesAsync();
        });
        (await app.WithDbAsync(db => db.ArticleBylines.Where(b => b.ArticleId == oldest.Id).Select(b => b.PublishedAt).SingleAsync()))!.Value
            .ShouldBe(again, TimeSpan.FromMilliseconds(1));
        await app.ContentChangedAsync();

        foreach (var author in new[] { ana, ben })
        {
            var (_, first) = await app.GetPageAsync($"/author/{author.Slug}");
            Slugs(first)[0].ShouldBe(oldest.Slug, author.DisplayName);
        }
    }

    [SqliteOnlyFact]
    public async Task An_older_author_page_seeks_each_index_a_page_long_and_never_sorts_the_authors_older_stories()
    {
        var (ana, _, _) = await NewsroomAsync();
        var (_, first) = await app.GetPageAsync($"/author/{ana.Slug}");
        var older = first.QuerySelector(".load-more a")!.GetAttribute("href")!;
        var mark = app.Logs.Lines.Count;

        (await app.GetPageAsync(older)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var statements = app.Logs.Lines.Skip(mark).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(m => m.Contains("\"ArticleBylines\"") && m.Contains("ORDER BY")).ToList();
        statements.ShouldNotBeEmpty();
        var plan = string.Join("\n", await Task.WhenAll(statements.Select(PlanAsync)));
        // The bylines side is a backwards walk of (AuthorId, PublishedAt, ArticleId) from the cursor, the
        // own side of (AuthorId, PublishedAt); the one sort left is of the two page-long lists merged.
        plan.ShouldContain("IX_ArticleBylines_AuthorId_PublishedAt_ArticleId (AuthorId=? AND PublishedAt<?)");
        plan.ShouldNotContain("MULTI-INDEX OR");
    }

    [Fact]
    public async Task An_authors_feed_lists_own_and_co_written_stories_newest_first_from_each_index_without_the_or_query()
    {
        var (ana, _, stories) = await NewsroomAsync();
        var mark = app.Logs.Lines.Count;

        using var client = app.Client();
        var rss = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync($"/author/{ana.Slug}/feed"));

        rss.Descendants("item").Select(i => i.Element("link")!.Value.Split('/').Last()).ShouldBe(Newest(stories).Take(20));
        var statements = app.Logs.Lines.Skip(mark).Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(l => l.Message).Where(m => m.Contains("\"ArticleBylines\"")).ToList();
        // The OR form ("first author, or id IN (bylines)") sorted every story of the author; the feed now
        // reads a feed long from each side, as the author page does.
        statements.ShouldNotBeEmpty();
        statements.ShouldNotContain(m => m.Contains(" OR "), string.Join("\n\n", statements));
        if (TestDatabase.IsPostgres) return;
        var plan = string.Join("\n", await Task.WhenAll(statements.Where(m => m.Contains("ORDER BY")).Select(PlanAsync)));
        plan.ShouldContain("IX_ArticleBylines_AuthorId_PublishedAt_ArticleId (AuthorId=?");
        plan.ShouldNotContain("MULTI-INDEX OR");
    }

    /// <summary>EXPLAIN QUERY PLAN of a logged statement, its parameters bound to NULL (the plan does not depend on them).</summary>
    private async Task<string> PlanAsync(string logged)
    {
        var sql = logged[(logged.IndexOf('\n') + 1)..];
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct()) command.Parameters.AddWithValue(name, DBNull.Value);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
