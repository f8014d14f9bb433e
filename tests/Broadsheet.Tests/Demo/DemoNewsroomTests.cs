using Broadsheet.Views;
using Broadsheet.Live;
using Microsoft.Extensions.DependencyInjection;
using Broadsheet.Articles;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Demo;

public sealed class DemoApp : BroadsheetApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true")];

    // The site as a person first runs it: pages cached for the shipped lifetime (1 s), and an
    // empty database the app migrates itself (the other fixtures start on a migrated copy).
    protected override bool ShippedPageLifetime => true;

    protected override bool StartsOnEmptyDatabase => true;

    /// <summary>The demo is written after the server listens (DemoSeeding); these tests read it whole.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<Broadsheet.Demo.DemoSeeding>().Completion;
    }
}

[Trait("Category", "Integration")]
public sealed class DemoNewsroomTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task First_start_fills_an_empty_database_with_a_living_newsroom()
    {
        var now = DateTime.UtcNow;
        var (categories, authors, live, tags, minutes) = await app.WithDbAsync(async db => (
            await db.Categories.CountAsync(),
            await db.Authors.CountAsync(),
            await db.Articles.Live(now).Include(a => a.Tags).ToListAsync(),
            await db.Tags.CountAsync(),
            await db.Articles.Select(a => a.ReadingMinutes).Distinct().CountAsync()));

        categories.ShouldBeGreaterThanOrEqualTo(6);
        authors.ShouldBeGreaterThanOrEqualTo(5);
        live.Count.ShouldBeGreaterThanOrEqualTo(60);
        live.ShouldAllBe(a => a.PublishedAt >= now.AddDays(-31) && a.Tags.Count >= 2);
        (live.Max(a => a.PublishedAt)!.Value - live.Min(a => a.PublishedAt)!.Value).TotalDays.ShouldBeGreaterThan(20);
        tags.ShouldBeGreaterThan(10);
        minutes.ShouldBeGreaterThanOrEqualTo(4);
        live.ShouldAllBe(a => !a.BodyMarkdown.Contains("lorem", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_demo_has_reading_history_so_most_viewed_and_trending_are_not_empty()
    {
        (await app.WithDbAsync(db => db.ArticleDailyViews.CountAsync())).ShouldBeGreaterThan(0);
        (await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Hotness > 0))).ShouldBeGreaterThan(0);
        var (_, page) = await app.GetPageAsync("/trending");
        foreach (var list in new[] { "now", "most-viewed-today", "most-viewed-week" })
            page.QuerySelector($"#rank-{list}")!.ParentElement!.QuerySelectorAll("li").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_demo_front_page_and_its_first_story_render()
    {
        var (home, page) = await app.GetPageAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll(".category-section").Length.ShouldBeGreaterThanOrEqualTo(6);

        var lead = page.QuerySelector(".lead-title a")!.GetAttribute("href")!;
        var (story, article) = await app.GetPageAsync(lead);
        story.StatusCode.ShouldBe(HttpStatusCode.OK);
        article.QuerySelectorAll(".story-body p").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Most_published_demo_stories_have_a_drawn_picture_stored_in_every_width_with_alt_text_and_a_caption()
    {
        var now = DateTime.UtcNow;
        var live = await app.WithDbAsync(db => db.Articles.AsNoTracking().Live(now).ToListAsync());
        var library = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().ToDictionaryAsync(m => m.FileName));

        var pictured = live.Where(a => a.ImagePath is not null).ToList();
        pictured.Count.ShouldBeGreaterThan(live.Count * 3 / 4);
        pictured.Count.ShouldBeLessThan(live.Count, "a few stories show how a card without a picture looks");
        foreach (var a in pictured)
        {
            File.Exists(Path.Combine(app.MediaFolder, a.ImagePath!)).ShouldBeTrue(a.ImagePath);
            a.ImageAlt.ShouldNotBeNullOrWhiteSpace();
            a.ImageCaption.ShouldNotBeNullOrWhiteSpace();
            var image = library[a.ImagePath!];
            (a.ImageWidth, a.ImageHeight).ShouldBe((image.Width, image.Height));
            image.Alt.ShouldBe(a.ImageAlt);
            foreach (var width in image.VariantWidths.Split(','))
                File.Exists(Path.Combine(app.MediaFolder, $"{image.Stem}-{width}.{image.Extension}")).ShouldBeTrue();
        }
        // Each section has its own compositions, not one picture everywhere.
        pictured.Select(a => a.ImagePath).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);

        var (_, home) = await app.GetPageAsync("/");
        home.QuerySelectorAll(".card-image[srcset]").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Demo_readers_have_comment_threads_votes_and_follows_and_every_counter_equals_its_rows()
    {
        var readers = await app.WithDbAsync(db => (from u in db.Users
                                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                                   join r in db.Roles on ur.RoleId equals r.Id
                                                   where r.Name == Broadsheet.Data.Identity.Roles.Reader
                                                   select u.Id).CountAsync());
        readers.ShouldBeGreaterThanOrEqualTo(10);
        var comments = await app.WithDbAsync(db => db.Set<Broadsheet.Comments.Comment>().AsNoTracking().ToListAsync());
        comments.Count(c => c.ParentId is null).ShouldBeGreaterThan(10);
        comments.Count(c => c.ParentId is not null).ShouldBeGreaterThan(10, "threads have replies");
        comments.Select(c => c.BodyMarkdown.Length / 40).Distinct().Count().ShouldBeGreaterThan(3, "comments vary from a word to a paragraph");
        (await app.WithDbAsync(db => db.Set<Broadsheet.Votes.ArticleVote>().CountAsync())).ShouldBeGreaterThan(20);
        (await app.WithDbAsync(db => db.Set<Broadsheet.Follows.Follow>().CountAsync())).ShouldBeGreaterThan(10);

        var counters = await app.WithDbAsync(db => db.Articles.AsNoTracking().Select(a => new
        {
            a.CommentCount, a.Upvotes, a.Downvotes,
            Comments = db.Set<Broadsheet.Comments.Comment>().Count(c => c.ArticleId == a.Id && c.Status == Broadsheet.Comments.CommentStatus.Visible),
            Up = db.Set<Broadsheet.Votes.ArticleVote>().Count(v => v.ArticleId == a.Id && v.Value == 1),
            Down = db.Set<Broadsheet.Votes.ArticleVote>().Count(v => v.ArticleId == a.Id && v.Value == -1),
        }).ToListAsync());
        counters.ShouldAllBe(a => a.CommentCount == a.Comments && a.Upvotes == a.Up && a.Downvotes == a.Down);
    }

    [Fact]
    public async Task Demo_stories_have_their_own_standfirsts_and_view_counts_that_vary()
    {
        var now = DateTime.UtcNow;
        var stories = await app.WithDbAsync(db => db.Articles.AsNoTracking().Select(a => new { a.Standfirst, a.ViewCount, a.Status, a.PublishedAt }).ToListAsync());
        stories.Select(a => a.Standfirst).Distinct().Count().ShouldBe(stories.Count);
        var live = stories.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now).ToList();
        live.Select(a => a.ViewCount).Distinct().Count().ShouldBeGreaterThan(live.Count / 2);
        var daily = await app.WithDbAsync(db => db.ArticleDailyViews.AsNoTracking().GroupBy(d => d.ArticleId).Select(g => g.Select(d => d.Views).Distinct().Count()).ToListAsync());
        daily.Count(n => n > 1).ShouldBeGreaterThan(0, "a story's days are not all read the same");
    }

    [Fact]
    public async Task Trending_most_discussed_and_top_this_week_show_different_stories_on_the_front_page()
    {
        var (_, home) = await app.GetPageAsync("/");
        List<string> Links(string list) => home.QuerySelector($"#rank-{list}")!.ParentElement!.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).ToList();

        var (trending, discussed, top) = (Links("now"), Links("most-discussed"), Links("top-week"));
        new[] { trending, discussed, top }.ShouldAllBe(l => l.Count > 0);
        trending.ShouldNotBe(discussed);
        trending.ShouldNotBe(top);
        discussed.ShouldNotBe(top);
        discussed.Intersect(top).Count().ShouldBeLessThan(discussed.Count, "the talk and the votes go to different stories");
    }

    [Fact]
    public async Task The_demo_has_a_live_story_with_a_dozen_entries_one_pinned_and_two_key_events_on_its_page()
    {
        var story = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == Broadsheet.Demo.DemoLive.Slug));
        var coverage = await app.WithDbAsync(db => db.LiveStories.AsNoTracking().SingleAsync(s => s.ArticleId == story.Id));
        var entries = await app.WithDbAsync(db => db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == story.Id).OrderBy(e => e.Sequence).ToListAsync());
        coverage.EndedAt.ShouldBeNull();
        entries.Count.ShouldBe(12);
        coverage.LastSequence.ShouldBe(entries[^1].Sequence);
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 12).Select(i => (long)i));
        entries.ShouldAllBe(e => e.DeletedAt == null && e.BodyHtml.Length > 0 && e.AuthorName.Length > 0);
        entries.Count(e => e.IsPinned).ShouldBe(1);
        entries.Count(e => e.IsKeyEvent).ShouldBe(2);
        entries.Count(e => e.Quote != null).ShouldBeGreaterThan(0);
        var pictured = entries.Single(e => e.ImagePath != null);
        File.Exists(Path.Combine(app.MediaFolder, pictured.ImagePath!)).ShouldBeTrue();
        pictured.ImageAlt.ShouldNotBeNullOrWhiteSpace();

        var (response, page) = await app.GetPageAsync($"/articles/{story.Slug}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pinned = entries.Single(e => e.IsPinned);
        page.QuerySelector($".live-pinned-box #entry-{pinned.Id}").ShouldNotBeNull();
        page.QuerySelectorAll(".live-timeline a").Select(a => a.GetAttribute("href"))
            .ShouldBe(entries.Where(e => e.IsKeyEvent).OrderBy(e => e.CreatedAt).Select(e => $"#entry-{e.Id}"));
        foreach (var e in entries) page.QuerySelector($"#entry-{e.Id}").ShouldNotBeNull(e.BodyMarkdown);
        page.QuerySelector($"#entry-{pictured.Id} img").ShouldNotBeNull();
        page.QuerySelector("[data-live-stream]")!.GetAttribute("data-live-stream").ShouldBe($"/live/{story.Id}/events?after={coverage.LastSequence}");
    }

    [Fact]
    public async Task The_demo_shows_a_co_authored_corrected_and_updated_story_with_a_credited_picture()
    {
        var story = await app.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Author)
            .SingleAsync(a => a.Bylines.Any(b => b.AuthorId != null) && a.Corrections.Any()));
        var coAuthor = await app.WithDbAsync(db => db.ArticleBylines.Where(b => b.ArticleId == story.Id).Select(b => b.Author!.DisplayName).SingleAsync());
        story.SubstantiveUpdateAt.ShouldNotBeNull();
        story.UpdatedAt.ShouldBeGreaterThanOrEqualTo(story.SubstantiveUpdateAt.Value);

        var (response, page) = await app.GetPageAsync($"/articles/{story.Slug}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".byline")!.TextContent.ShouldBe($"By {story.Author.DisplayName} and {coAuthor}");
        page.QuerySelector(".updated")!.TextContent.ShouldStartWith("Updated ");
        page.QuerySelector(".update-note")!.TextContent.ShouldBe(Broadsheet.Demo.DemoTrust.UpdateNote);
        page.QuerySelector("aside.corrections .correction[data-kind=correction]")!.TextContent.ShouldContain(Broadsheet.Demo.DemoTrust.CorrectionText);
        page.QuerySelector("figure.story-image small.credit")!.TextContent.ShouldBe($"Photo: {Broadsheet.Demo.DemoNewsroom.DemoCredit}");
        // A guest's byline and a clarification at the bottom on another story; both notes on /corrections.
        var guest = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Bylines.Any(b => b.GuestName == Broadsheet.Demo.DemoTrust.GuestName)).Select(a => a.Slug).SingleAsync());
        var (_, guestPage) = await app.GetPageAsync($"/articles/{guest}");
        guestPage.QuerySelector(".byline")!.TextContent.ShouldEndWith($" and {Broadsheet.Demo.DemoTrust.GuestName}");
        guestPage.QuerySelector("aside.corrections .correction[data-kind=clarification]")!.TextContent.ShouldContain(Broadsheet.Demo.DemoTrust.ClarificationText);
        var (_, corrections) = await app.GetPageAsync("/corrections");
        corrections.QuerySelectorAll($"a[href^='/articles/{story.Slug}'], a[href^='/articles/{guest}']").Length.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_second_start_does_not_seed_again()
    {
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        await app.WithDbAsync(db => app.Services.GetRequiredService<Broadsheet.Demo.DemoNewsroom>().SeedIfEmptyAsync(db));
        (await app.WithDbAsync(db => db.Articles.CountAsync())).ShouldBe(before);
    }
}

[Trait("Category", "Integration")]
public sealed class DemoSeedSwitchTests
{
    [Fact]
    public async Task Demo_seed_false_leaves_the_database_empty()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();

        (await app.WithDbAsync(db => db.Articles.CountAsync())).ShouldBe(0);
        (await app.WithDbAsync(db => db.Categories.CountAsync())).ShouldBe(0);
        var (_, page) = await app.GetPageAsync("/");
        page.QuerySelector(".empty")!.TextContent.ShouldBe("No stories have been published yet.");
    }
}

[Trait("Category", "Integration")]
public sealed class DemoPagesTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_has_about_contact_corrections_and_privacy_pages_with_about_in_the_menu_and_about_and_privacy_in_the_footer()
    {
        foreach (var slug in new[] { "about", "contact", "corrections-policy", "privacy" })
            (await app.GetPageAsync($"/pages/{slug}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, slug);
        var (_, home) = await app.GetPageAsync("/");
        home.QuerySelectorAll("nav.sections a").Select(a => a.GetAttribute("href")).Where(h => h!.StartsWith("/pages/")).ShouldBe(["/pages/about"]);
        home.QuerySelectorAll("footer nav.footer-pages a").Select(a => a.GetAttribute("href")).ShouldBe(["/pages/about", "/pages/privacy"]);
    }
}
