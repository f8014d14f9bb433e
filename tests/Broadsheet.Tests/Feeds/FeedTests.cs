using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Feeds;
using Broadsheet.Tests.Fixtures;
using System.Net;
using System.ServiceModel.Syndication;

namespace Broadsheet.Tests.Feeds;

[Trait("Category", "Integration")]
public sealed class FeedTests(FeedApp app) : IClassFixture<FeedApp>
{
    private string Url(string path) => new Uri(app.Address, path).ToString();

    private static DateTimeOffset Second(DateTime utc) => new(FeedDates.Utc(utc), TimeSpan.Zero);

    [Fact]
    public async Task Site_rss_feed_carries_a_new_story_with_its_link_date_author_categories_and_full_body()
    {
        var category = await app.CategoryAsync("Waterfront");
        var author = await app.AuthorAsync("Ines Calloway");
        var tag = TestNewsroom.Unique("Ferries");
        var story = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-1), category, author, tag);

        var (response, feed) = await app.FeedAsync("/feed");

        response.Content.Headers.ContentType!.ToString().ShouldBe("application/rss+xml; charset=utf-8");
        feed.Title.Text.ShouldBe("Broadsheet");
        var item = feed.Item(story.Title);
        var permalink = Url($"/articles/{story.Slug}");
        item.Id.ShouldBe(permalink);
        item.Links.ShouldContain(l => l.Uri.ToString() == permalink);
        item.PublishDate.ShouldBe(Second(story.PublishedAt!.Value));
        item.Extension("creator", RssWriter.DcNs).ShouldBe("Ines Calloway");
        item.Categories.Select(c => (c.Name, c.Scheme)).ShouldBe(
            [("Waterfront", Url($"/category/{category.Slug}")), (tag, Url($"/tag/{story.Tags[0].Slug}"))], ignoreOrder: true);
        item.Summary.Text.ShouldBe(story.Standfirst);
        item.Extension("encoded", RssWriter.ContentNs).ShouldBe(story.BodyHtml);
        item.Extension("encoded", RssWriter.ContentNs)!.ShouldContain("<strong>seven o'clock</strong>");
        feed.LastUpdatedTime.ShouldBeGreaterThanOrEqualTo(Second(story.PublishedAt!.Value));
    }

    [Fact]
    public async Task Atom_feed_of_a_section_gives_ids_dates_author_categories_and_html_content()
    {
        var category = await app.CategoryAsync("Harbour Works");
        var author = await app.AuthorAsync("Mara Quell");
        var story = await app.ArticleAsync(a => a.UpdatedAt = DateTime.UtcNow.AddMinutes(-5), category, author);

        var (response, feed) = await app.FeedAsync($"/category/{category.Slug}/feed/atom");

        response.Content.Headers.ContentType!.ToString().ShouldBe("application/atom+xml; charset=utf-8");
        feed.Title.Text.ShouldBe("Harbour Works | Broadsheet");
        feed.Links.ShouldContain(l => l.RelationshipType == "self" && l.Uri.ToString() == Url($"/category/{category.Slug}/feed/atom"));
        feed.LastUpdatedTime.ShouldBe(Second(story.UpdatedAt));
        var entry = feed.Items.ShouldHaveSingleItem();
        entry.Id.ShouldBe(Url($"/articles/{story.Slug}"));
        entry.PublishDate.ShouldBe(Second(story.PublishedAt!.Value));
        entry.LastUpdatedTime.ShouldBe(Second(story.UpdatedAt));
        entry.Authors.ShouldHaveSingleItem().Name.ShouldBe("Mara Quell");
        entry.Authors[0].Uri.ShouldBe(Url($"/author/{author.Slug}"));
        entry.Categories.ShouldHaveSingleItem().Label.ShouldBe("Harbour Works");
        entry.Summary.Text.ShouldBe(story.Standfirst);
        var content = entry.Content.ShouldBeOfType<TextSyndicationContent>();
        content.Type.ShouldBe("html");
        content.Text.ShouldBe(story.BodyHtml);
    }

    [Fact]
    public async Task Only_live_stories_appear_and_each_feed_keeps_to_its_section_author_or_tag()
    {
        var category = await app.CategoryAsync();
        var author = await app.AuthorAsync();
        var tag = TestNewsroom.Unique("Lifeboats");
        var live = await app.ArticleAsync(category: category, author: author, tags: tag);
        var scheduledAndDue = await app.ArticleAsync(a => a.Status = ArticleStatus.Scheduled, category, author, tag);
        var hidden = new[]
        {
            await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, category, author, tag),
            await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(1); }, category, author, tag),
            await app.ArticleAsync(a => a.Status = ArticleStatus.Unpublished, category, author, tag),
        };
        var elsewhere = await app.ArticleAsync();

        foreach (var path in new[] { $"/category/{category.Slug}/feed", $"/author/{author.Slug}/feed/atom", $"/tag/{live.Tags[0].Slug}/feed" })
        {
            var (_, feed) = await app.FeedAsync(path);
            feed.Items.Select(i => i.Title.Text).ShouldBe([live.Title, scheduledAndDue.Title], ignoreOrder: true, customMessage: path);
        }
        var (_, site) = await app.FeedAsync("/feed");
        site.Items.Select(i => i.Title.Text).ShouldNotContain(t => hidden.Any(h => h.Title == t));
        site.Items.Select(i => i.Title.Text).ShouldContain(elsewhere.Title);
    }

    [Fact]
    public async Task Featured_picture_is_enclosed_with_its_real_length_and_type()
    {
        var (name, length) = app.Picture();
        var category = await app.CategoryAsync();
        var story = await app.ArticleAsync(a => a.ImagePath = name, category);
        var missing = await app.ArticleAsync(a => a.ImagePath = $"{Guid.NewGuid():N}.jpg", category);

        foreach (var path in new[] { $"/category/{category.Slug}/feed", $"/category/{category.Slug}/feed/atom" })
        {
            var (_, feed) = await app.FeedAsync(path);
            var enclosure = feed.Item(story.Title).Links.Single(l => l.RelationshipType == "enclosure");
            enclosure.Uri.ToString().ShouldBe(Url($"/media/{name}"));
            enclosure.Length.ShouldBe(length);
            enclosure.MediaType.ShouldBe("image/png");
            feed.Item(missing.Title).Links.ShouldNotContain(l => l.RelationshipType == "enclosure", "no file, no length to state");
        }
        using var client = app.Client();
        (await client.GetByteArrayAsync($"/media/{name}")).Length.ShouldBe((int)length);
    }

    [Theory]
    [InlineData("/category/no-such-section/feed")]
    [InlineData("/author/no-such-reporter/feed/atom")]
    [InlineData("/tag/no-such-topic/feed")]
    [InlineData("/category/Not_A_Slug/feed")]
    [InlineData("/tag/double--hyphen/feed/atom")]
    [InlineData("/section/news/feed")]
    public async Task Unknown_or_malformed_feed_slugs_are_a_readable_404(string path)
    {
        var (response, page) = await app.GetPageAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Conditional_get_answers_304_without_a_body_from_the_cache_and_after_it_is_cleared()
    {
        var category = await app.CategoryAsync();
        var story = await app.ArticleAsync(a => a.UpdatedAt = DateTime.UtcNow.AddMinutes(-30), category);
        var path = $"/category/{category.Slug}/feed";
        using var client = app.Client();
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!.ToString();
        first.Content.Headers.LastModified.ShouldBe(Second(story.UpdatedAt), "the newest change: edited after it went live");

        async Task<HttpResponseMessage> Ask(string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(header, value);
            return await client.SendAsync(request);
        }
        var lastModified = first.Content.Headers.LastModified!.Value.ToString("r");
        foreach (var (header, value) in new[] { ("If-None-Match", etag), ("If-Modified-Since", lastModified) })
        {
            var cached = await Ask(header, value);
            cached.StatusCode.ShouldBe(HttpStatusCode.NotModified, header);
            (await cached.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }
        (await Ask("If-None-Match", "W/\"something-else\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ask("If-Modified-Since", first.Content.Headers.LastModified!.Value.AddMinutes(-1).ToString("r"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.ContentChangedAsync(); // the next answer is rendered afresh, not served from the cache
        var rendered = await Ask("If-None-Match", etag);
        rendered.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        rendered.Headers.ETag!.ToString().ShouldBe(etag);
    }

    [Fact]
    public async Task A_newly_published_story_reaches_a_feed_that_was_cached_and_changes_its_etag()
    {
        var author = await app.AuthorAsync();
        await app.ArticleAsync(author: author);
        var path = $"/author/{author.Slug}/feed";
        var (before, cached) = await app.FeedAsync(path);
        cached.Items.Count().ShouldBe(1);
        using var client = app.Client();
        (await client.GetAsync(path)).Headers.Age.ShouldNotBeNull("the second request is served from the page cache");

        var fresh = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-1), author: author);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", before.Headers.ETag!.ToString());
        var after = await client.SendAsync(request);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.ETag!.ToString().ShouldNotBe(before.Headers.ETag!.ToString());
        var (_, feed) = await app.FeedAsync(path);
        feed.Items.Select(i => i.Title.Text).ShouldBe([fresh.Title, cached.Items.Single().Title.Text]);
    }

    [Fact]
    public async Task Pages_advertise_the_site_feeds_and_list_pages_their_own_with_a_visible_link()
    {
        var tagName = TestNewsroom.Unique("Tides");
        var story = await app.ArticleAsync(tags: tagName);
        var tag = story.Tags[0].Slug;

        var (_, home) = await app.GetPageAsync("/");
        home.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ShouldBe(
            [("application/rss+xml", Url("/feed")), ("application/atom+xml", Url("/feed/atom"))]);

        var (_, list) = await app.GetPageAsync($"/tag/{tag}");
        var links = list.QuerySelectorAll("link[rel=alternate]").ToList();
        links.Select(l => l.GetAttribute("href")).ShouldBe([Url("/feed"), Url("/feed/atom"), Url($"/tag/{tag}/feed"), Url($"/tag/{tag}/feed/atom")]);
        links[2].GetAttribute("title").ShouldBe($"{tagName} | Broadsheet (RSS)");
        var visible = list.QuerySelector(".feed-subscribe a")!;
        visible.TextContent.ShouldBe("RSS");
        visible.GetAttribute("href").ShouldBe($"/tag/{tag}/feed");
        (await app.FeedAsync(visible.GetAttribute("href")!)).Feed.Item(story.Title).ShouldNotBeNull();
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_private_pages_and_names_both_sitemaps()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/robots.txt");

        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            $"""
            User-agent: *
            Disallow: /account/
            Disallow: /newsroom/
            Disallow: /search

            Sitemap: {Url("/sitemap.xml")}
            Sitemap: {Url("/news-sitemap.xml")}

            """.ReplaceLineEndings("\n"));
    }
}
