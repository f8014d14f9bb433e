using Broadsheet.Articles;
using Broadsheet.Data.Identity;
using Broadsheet.Pages;
using Broadsheet.Ranking;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Broadsheet.Votes;
using Broadsheet.Comments;
using Broadsheet.Tests.Newsroom.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Pages;

/// <summary>Comments posted at once, and views flushed only when a test says so.</summary>
public sealed class PageReactionsApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Views:FlushMilliseconds", "3600000")];
}

/// <summary>
/// A page's "Allow comments", "Allow votes" and "Count views" work on the reader page through the
/// story page's own vote widget, view counting and thread, held by the page's hidden companion
/// article, which no reader list, feed, sitemap, search, API list or ranking ever shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageReactionsTests(PageReactionsApp app) : IClassFixture<PageReactionsApp>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /// <summary>An editor writes and publishes a page with these boxes ticked; returns its slug and title.</summary>
    private async Task<(string Slug, string Title)> PublishAsync(bool comments, bool votes, bool views)
    {
        // A companion article needs a section and an author to exist (a fresh site's first story makes them).
        await app.CategoryAsync();
        await app.AuthorAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var word = $"zq{Guid.NewGuid():N}"[..12];
        var title = $"Reader panel {word}";
        var fields = new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.Body"] = $"How the {word} panel works." };
        if (comments) fields["Input.AllowComments"] = "true";
        if (votes) fields["Input.AllowVotes"] = "true";
        if (views) fields["Input.CountViews"] = "true";
        var (response, page) = await editor.ActAsync("/newsroom/pages/new", "Publish", fields);
        ((int)response.StatusCode).ShouldBe(302, page.QuerySelector(".form-errors")?.TextContent);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
        var slug = await app.WithDbAsync(db => db.Pages.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync());
        return (slug, title);
    }

    private Task<Article> CompanionAsync(string slug) => app.WithDbAsync(db =>
        db.Articles.AsNoTracking().SingleAsync(a => a.Slug == Companion.SlugFor(slug)));

    private async Task ReadAnonymouslyAsync(string path)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", Firefox);
        request.Headers.Add("X-Forwarded-For", "203.0.113.77");
        ((int)(await client.SendAsync(request)).StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task A_page_with_votes_views_and_comments_on_counts_a_view_takes_a_vote_and_a_comment_as_a_story_does()
    {
        var (slug, _) = await PublishAsync(comments: true, votes: true, views: true);
        var companion = await CompanionAsync(slug);
        companion.Status.ShouldBe(ArticleStatus.Companion);

        var (_, shown) = await app.GetPageAsync($"/pages/{slug}");
        shown.QuerySelector(".counters .views")!.TextContent.ShouldBe("0 Views");
        shown.QuerySelector("#thread")!.GetAttribute("data-hx-get").ShouldBe($"/pages/{slug}/comments");
        shown.QuerySelector("#thread a")!.GetAttribute("href").ShouldBe($"/pages/{slug}/comments");

        await ReadAnonymouslyAsync($"/pages/{slug}");
        await app.Services.GetRequiredService<ViewFlusher>().FlushAsync(default);
        (await CompanionAsync(slug)).ViewCount.ShouldBe(1);
        (await app.WithDbAsync(db => db.ArticleDailyViews.Where(d => d.ArticleId == companion.Id).SumAsync(d => d.Views))).ShouldBe(1);

        var (reader, user) = await app.SignedInReaderAsync();
        using var _r = reader;
        // The signed-in reader's vote form is spliced into the shared page, posting to the page's own address.
        var (_, mine) = await reader.GetPageAsync($"/pages/{slug}");
        var form = mine.QuerySelector("form.vote")!;
        form.GetAttribute("action").ShouldBe($"/pages/{slug}/vote");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (voted, _) = await reader.PostAsync($"/pages/{slug}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" });
        ((int)voted.StatusCode).ShouldBe(302);
        voted.Headers.Location!.OriginalString.ShouldBe($"/pages/{slug}#votes");
        (await app.WithDbAsync(db => db.ArticleVotes.CountAsync(v => v.ArticleId == companion.Id && v.UserId == user.Id && v.Value == 1))).ShouldBe(1);
        (await CompanionAsync(slug)).Upvotes.ShouldBe(1);

        var (posted, _) = await reader.SubmitAsync($"/pages/{slug}/comments", $"/pages/{slug}/comments", new Dictionary<string, string> { ["body"] = "Glad the panel is open." });
        ((int)posted.StatusCode).ShouldBe(302);
        posted.Headers.Location!.OriginalString.ShouldStartWith($"/pages/{slug}/comments#comment-");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.ArticleId == companion.Id && c.UserId == user.Id))).ShouldBe(1);
        var (_, thread) = await app.GetPageAsync($"/pages/{slug}/comments");
        thread.QuerySelector("#comment-list")!.TextContent.ShouldContain("Glad the panel is open.");
        thread.QuerySelector(".kicker a")!.GetAttribute("href").ShouldBe($"/pages/{slug}");
    }

    [Fact]
    public async Task A_page_refuses_votes_and_shows_no_thread_while_its_boxes_are_off()
    {
        var (slug, _) = await PublishAsync(comments: false, votes: true, views: false);
        var (_, shown) = await app.GetPageAsync($"/pages/{slug}");
        shown.QuerySelector(".counters .votes").ShouldNotBeNull();
        shown.QuerySelector(".counters .views").ShouldBeNull("views are not counted on this page, so none are shown");
        shown.QuerySelector("#comments").ShouldBeNull();
        ((int)(await app.GetPageAsync($"/pages/{slug}/comments")).Response.StatusCode).ShouldBe(404);

        var (plain, _) = await PublishAsync(comments: false, votes: false, views: false);
        (await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == Companion.SlugFor(plain)))).ShouldBeFalse("nothing on, nothing made");
        var (reader, _) = await app.SignedInReaderAsync();
        using var _r = reader;
        var (_, page) = await reader.GetPageAsync($"/pages/{slug}");
        var token = page.QuerySelector("form.vote input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (refused, _) = await reader.PostAsync($"/pages/{plain}/vote", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["direction"] = "up" });
        ((int)refused.StatusCode).ShouldBe(404);
        ((int)(await app.GetPageAsync($"/pages/{plain}/comments")).Response.StatusCode).ShouldBe(404);
        ((int)(await app.GetPageAsync($"/articles/{Uri.EscapeDataString(Companion.SlugFor(slug))}")).Response.StatusCode).ShouldBe(404, "a companion is never a story");
    }

    [Fact]
    public async Task A_page_companion_is_in_no_list_feed_sitemap_search_api_list_or_ranking()
    {
        var (slug, title) = await PublishAsync(comments: true, votes: true, views: true);
        var companion = await CompanionAsync(slug);
        var word = title.Split(' ')[^1];
        // Enough views, votes and comments to top every ranking, were it ranked.
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.ArticleDailyViews.Add(new ArticleDailyViews { ArticleId = companion.Id, Day = today, Views = 900_000_000 });
            await db.SaveChangesAsync();
            await db.Articles.Where(a => a.Id == companion.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ViewCount, 900_000_000).SetProperty(a => a.Upvotes, 90_000).SetProperty(a => a.CommentCount, 90_000));
        });
        var now = DateTime.UtcNow;
        await app.WithDbAsync(db => HotnessRefresh.RunAsync(db, [companion.Id], now, default));
        foreach (var list in TrendingList.All)
            (await app.WithDbAsync(db => list.Query(db, now).Select(a => a.Id).Take(50).ToListAsync())).ShouldNotContain(companion.Id, list.Slug);
        foreach (var kind in RankingRefresh.Kept)
            (await app.WithDbAsync(db => RankingRefresh.BoxAsync(db, kind, now, 50, default))).Select(l => l.Title).ShouldNotContain(title, kind.ToString());
        await app.ContentChangedAsync();

        using var client = app.Client();
        var category = await app.WithDbAsync(db => db.Categories.Where(c => c.Id == companion.CategoryId).Select(c => c.Slug).SingleAsync());
        string[] readerPaths = ["/", "/latest", $"/category/{category}", "/trending", .. TrendingList.All.Select(l => l.Path),
            $"/search?q={word}", "/feed", "/feed/atom", "/sitemap.xml"];
        var sitemaps = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"))
            .Descendants(System.Xml.Linq.XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).PathAndQuery);
        foreach (var path in readerPaths.Concat(sitemaps))
        {
            var text = await client.GetStringAsync(path);
            text.ShouldNotContain(title, customMessage: path);
            text.ShouldNotContain(Companion.SlugFor(slug), customMessage: path);
            text.ShouldNotContain(Uri.EscapeDataString(Companion.SlugFor(slug)), customMessage: path);
        }
        using var api = app.KeyedClient(await app.ApiKeyAsync());
        var listed = await api.GetAsync("/api/v1/articles?limit=100");
        ((int)listed.StatusCode).ShouldBe(200);
        (await listed.Content.ReadAsStringAsync()).ShouldNotContain(title);

        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        foreach (var path in new[] { "/newsroom/articles", "/newsroom" })
            (await editor.GetPageAsync(path)).Page.Body!.TextContent.ShouldNotContain(title, customMessage: path);
    }
}
