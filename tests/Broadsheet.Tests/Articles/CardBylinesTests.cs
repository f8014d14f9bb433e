using Broadsheet.Articles;
using Broadsheet.Follows;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Ranking;
using Broadsheet.Shared;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// Cards name every author, "By A, B and C", on every list that shows a byline (issue 24), and a
/// page's further names cost one query, not one per card.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CardBylinesTests(StatementLoggingApp app) : IClassFixture<StatementLoggingApp>
{
    private async Task<Article> CoWrittenAsync(Action<Article>? shape = null, Category? category = null, params string[] tags)
    {
        var (ana, ben) = (await app.AuthorAsync("Ana Lopes"), await app.AuthorAsync("Ben Hart"));
        var story = await app.ArticleAsync(shape, category, ana, tags);
        await app.WithDbAsync(async db =>
        {
            db.ArticleBylines.Add(new ArticleByline { ArticleId = story.Id, Position = 1, AuthorId = ben.Id });
            db.ArticleBylines.Add(new ArticleByline { ArticleId = story.Id, Position = 2, GuestName = "Rosa Field", GuestUrl = "https://rosa.example/" });
            await db.SaveChangesAsync();
        });
        await app.ContentChangedAsync();
        story.Author = ana;
        story.Bylines = [new() { Author = ben, AuthorId = ben.Id, Position = 1 }];
        return story;
    }

    private static AngleSharp.Dom.IElement BylineOf(AngleSharp.Dom.IDocument page, Article story, string where)
    {
        var card = page.QuerySelectorAll(".card, .lead").FirstOrDefault(c => c.QuerySelector($"a[href='/articles/{story.Slug}']") is not null);
        card.ShouldNotBeNull($"no card for the story on {where}");
        return card.QuerySelector(".card-byline").ShouldNotBeNull(where);
    }

    [Fact]
    public async Task Every_list_names_the_co_author_and_the_guest_on_the_card()
    {
        var word = TestNewsroom.Word();
        var tag = TestNewsroom.Unique("estuary");
        var story = await CoWrittenAsync(a => { a.Title = $"Estuary {word} survey"; a.PublishedAt = DateTime.UtcNow.AddSeconds(-2); }, tags: tag);
        var (ana, ben) = (story.Author, story.Bylines[0].Author!);
        var (reader, user) = await app.SignedInReaderAsync();
        using var signedIn = reader;
        await app.WithDbAsync(async db =>
        {
            db.Set<Follow>().Add(new Follow { UserId = user.Id, Kind = FollowKind.Author, TargetId = ben.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var category = await app.WithDbAsync(db => Task.FromResult(db.Categories.Single(c => c.Id == story.CategoryId).Slug));

        var pages = new List<(string Where, AngleSharp.Dom.IDocument Page)>();
        foreach (var path in new[] { "/", $"/category/{category}", $"/tag/{Slug.From(tag)}", $"/author/{ben.Slug}", $"/search?q={word}" })
            pages.Add((path, (await app.GetPageAsync(path)).Page));
        pages.Add(("/following", (await reader.GetPageAsync("/following")).Page));

        foreach (var (where, page) in pages)
        {
            var byline = BylineOf(page, story, where);
            byline.TextContent.ShouldBe("By Ana Lopes, Ben Hart and Rosa Field", where);
            byline.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))
                .ShouldBe([$"/author/{ana.Slug}", $"/author/{ben.Slug}", "https://rosa.example/"], where);
        }
    }

    [Fact]
    public async Task A_card_with_one_author_reads_by_that_author()
    {
        var story = await app.ArticleAsync(author: await app.AuthorAsync("Chloé Ng"));
        var category = await app.WithDbAsync(db => Task.FromResult(db.Categories.Single(c => c.Id == story.CategoryId).Slug));

        var (_, page) = await app.GetPageAsync($"/category/{category}");

        BylineOf(page, story, "section").TextContent.ShouldBe("By Chloé Ng");
    }

    [Fact]
    public async Task A_page_of_co_written_cards_reads_the_bylines_in_one_query()
    {
        var category = await app.CategoryAsync();
        for (var i = 0; i < 3; i++) await CoWrittenAsync(category: category);
        var mark = app.Logs.Lines.Count;

        var (_, page) = await app.GetPageAsync($"/category/{category.Slug}");

        page.QuerySelectorAll(".card-byline").Select(b => b.TextContent).ShouldBe(Enumerable.Repeat("By Ana Lopes, Ben Hart and Rosa Field", 3));
        app.Logs.Lines.Skip(mark).Count(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command" && l.Message.Contains("\"ArticleBylines\"")).ShouldBe(1);
    }
}
