using System.Xml.Linq;
using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Data.Identity;
using Broadsheet.Follows;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>Issue 24, item 1: co-authors and guest bylines, from the editor's byline page to every place a story names its authors.</summary>
[Trait("Category", "Integration")]
public sealed class BylinesTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Presses the byline page's form for <paramref name="handler"/> with these fields (its antiforgery token included).</summary>
    private static async Task<HttpResponseMessage> PressAsync(ReaderSession editor, int id, string handler, Dictionary<string, string> fields)
    {
        var (_, page) = await editor.GetPageAsync($"/newsroom/articles/{id}/bylines");
        var form = page.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").EndsWith($"?handler={handler}", StringComparison.Ordinal));
        fields["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return (await editor.PostAsync(form.GetAttribute("action")!, fields)).Response;
    }

    private Task<List<string>> RowsAsync(int id) => app.WithDbAsync(db => db.ArticleBylines.AsNoTracking().Where(b => b.ArticleId == id)
        .OrderBy(b => b.Position).Select(b => b.Position + ":" + (b.AuthorId == null ? "guest " + b.GuestName + " " + b.GuestUrl : b.Author!.DisplayName)).ToListAsync());

    [Fact]
    public async Task A_co_author_and_a_guest_join_the_byline_page_json_ld_feeds_api_and_the_co_authors_page()
    {
        var (first, second) = (await app.AuthorAsync("Ana Lopes"), await app.AuthorAsync("Ben Hart"));
        var article = await app.ArticleAsync(author: first);
        var (_, before) = await app.GetPageAsync($"/author/{second.Slug}"); // cached now, without the story
        before.QuerySelectorAll($"a[href='/articles/{article.Slug}']").Length.ShouldBe(0);
        var (editor, user) = await app.SignedInReaderAsync(Roles.Editor);
        using var signedIn = editor;

        (await PressAsync(editor, article.Id, "Add", new() { ["author"] = second.Id.ToString() })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await PressAsync(editor, article.Id, "Guest", new() { ["name"] = "Rosa Field", ["url"] = "https://rosa.example/" })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        (await RowsAsync(article.Id)).ShouldBe(["1:Ben Hart", "2:guest Rosa Field https://rosa.example/"]);
        (await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "article.bylines" && e.TargetId == article.Id.ToString() && e.ActorUserId == user.Id))).ShouldBe(2);

        var (_, story) = await app.GetPageAsync($"/articles/{article.Slug}");
        var byline = story.QuerySelector(".story-header .byline")!;
        byline.TextContent.ShouldBe("By Ana Lopes, Ben Hart and Rosa Field");
        byline.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([$"/author/{first.Slug}", $"/author/{second.Slug}", "https://rosa.example/"]);

        var authors = story.JsonLd()["NewsArticle"].GetProperty("author").EnumerateArray().ToList();
        authors.Select(a => a.Str("name")).ShouldBe(["Ana Lopes", "Ben Hart", "Rosa Field"]);
        authors.Select(a => a.Str("url")).ShouldBe([$"{Base}/author/{first.Slug}", $"{Base}/author/{second.Slug}", "https://rosa.example/"]);

        // The co-author's page, feeds and the API count the story as theirs too; the cached page was evicted.
        var (_, page) = await app.GetPageAsync($"/author/{second.Slug}");
        page.QuerySelectorAll($"a[href='/articles/{article.Slug}']").Length.ShouldBeGreaterThan(0);
        using var client = app.Client();
        var rss = XDocument.Parse(await client.GetStringAsync($"/author/{second.Slug}/feed"));
        rss.Descendants("item").Single().Elements(Dc + "creator").Select(e => e.Value).ShouldBe(["Ana Lopes", "Ben Hart", "Rosa Field"]);
        var atom = XDocument.Parse(await client.GetStringAsync($"/author/{second.Slug}/feed/atom"));
        atom.Descendants(Atom + "entry").Single().Elements(Atom + "author").Select(e => e.Element(Atom + "uri")?.Value)
            .ShouldBe([$"{Base}/author/{first.Slug}", $"{Base}/author/{second.Slug}", "https://rosa.example/"]);

        using var api = app.KeyedClient(await app.ApiKeyAsync());
        var (_, one) = await api.GetJsonAsync($"/api/v1/articles/{article.Slug}");
        var a = one.GetProperty("article");
        a.GetProperty("author").GetProperty("slug").GetString().ShouldBe(first.Slug); // kept for older clients
        var listed = a.GetProperty("authors").EnumerateArray().ToList();
        listed.Select(x => x.GetProperty("name").GetString()).ShouldBe(["Ana Lopes", "Ben Hart", "Rosa Field"]);
        listed.Select(x => x.GetProperty("guest").GetBoolean()).ShouldBe([false, false, true]);
        listed[2].GetProperty("slug").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var (_, bySecond) = await api.GetJsonAsync($"/api/v1/articles?author={second.Slug}");
        bySecond.Slugs().ShouldBe([article.Slug]);
    }

    private string Base => app.Address.ToString().TrimEnd('/');

    [Fact]
    public async Task Editors_move_and_remove_names_and_the_positions_stay_one_to_n()
    {
        var (b, c) = (await app.AuthorAsync("Ben Hart"), await app.AuthorAsync("Chloé Ng"));
        var article = await app.ArticleAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var signedIn = editor;
        await PressAsync(editor, article.Id, "Add", new() { ["author"] = b.Id.ToString() });
        await PressAsync(editor, article.Id, "Add", new() { ["author"] = c.Id.ToString() });

        await PressAsync(editor, article.Id, "Move", new() { ["position"] = "2", ["direction"] = "up" });
        (await RowsAsync(article.Id)).ShouldBe(["1:Chloé Ng", "2:Ben Hart"]);
        await PressAsync(editor, article.Id, "Remove", new() { ["position"] = "1" });
        (await RowsAsync(article.Id)).ShouldBe(["1:Ben Hart"]);

        // Refusals: a name twice, a link that is not a web address, an author's try; nothing changes.
        (await PressAsync(editor, article.Id, "Add", new() { ["author"] = b.Id.ToString() })).StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        (await PressAsync(editor, article.Id, "Guest", new() { ["name"] = "Eve", ["url"] = "javascript:alert(1)" })).StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        (await RowsAsync(article.Id)).ShouldBe(["1:Ben Hart"]);
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var signedInAuthor = author;
        ((int)(await author.GetPageAsync($"/newsroom/articles/{article.Id}/bylines")).Response.StatusCode).ShouldBe(403);
        ((int)(await editor.GetPageAsync("/newsroom/articles/999999/bylines")).Response.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task A_co_author_with_an_account_may_open_the_story_in_the_editor_and_sees_it_in_following()
    {
        var (coAuthor, user) = await app.SignedInReaderAsync(Roles.Author);
        using var signedIn = coAuthor;
        var byline = await app.WithDbAsync(async db =>
        {
            var au = db.Authors.Add(new Author { DisplayName = "Dana Cole", Slug = Broadsheet.Shared.Slug.From(TestNewsroom.Unique("dana")), UserId = user.Id }).Entity;
            await db.SaveChangesAsync();
            return au;
        });
        var article = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);
        ((int)(await coAuthor.GetPageAsync($"/newsroom/articles/{article.Id}/edit")).Response.StatusCode).ShouldBe(404); // not theirs yet

        await app.WithDbAsync(async db =>
        {
            db.ArticleBylines.Add(new ArticleByline { ArticleId = article.Id, Position = 1, AuthorId = byline.Id });
            db.Set<Follow>().Add(new Follow { UserId = user.Id, Kind = FollowKind.Author, TargetId = byline.Id, CreatedAt = DateTime.UtcNow });
            var a = await db.Articles.SingleAsync(x => x.Id == article.Id);
            (a.Status, a.PublishedAt) = (ArticleStatus.Published, DateTime.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync();
        });
        await app.ContentChangedAsync();

        ((int)(await coAuthor.GetPageAsync($"/newsroom/articles/{article.Id}/edit")).Response.StatusCode).ShouldBe(200);
        var (_, following) = await coAuthor.GetPageAsync("/following");
        following.QuerySelectorAll($"a[href='/articles/{article.Slug}']").Length.ShouldBeGreaterThan(0);
    }
}
