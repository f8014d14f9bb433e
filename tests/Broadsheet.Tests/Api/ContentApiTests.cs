using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Broadsheet.Tests.Api;

[Trait("Category", "Integration")]
public sealed class ContentApiTests(ApiApp app) : IClassFixture<ApiApp>, IAsyncLifetime
{
    private HttpClient api = null!;

    public async Task InitializeAsync() => api = app.KeyedClient(await app.ApiKeyAsync());

    public Task DisposeAsync()
    {
        api.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Three live stories in a new section, an hour apart, the newest first.</summary>
    private async Task<(Category Section, Article[] Newest)> ThreeStoriesAsync(params string[] tags)
    {
        var section = await app.CategoryAsync();
        var stories = new List<Article>();
        for (var i = 3; i >= 1; i--)
        {
            var hours = i;
            stories.Add(await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-hours), section, tags: tags));
        }
        stories.Reverse();
        return (section, stories.ToArray());
    }

    [Fact]
    public async Task Articles_page_newest_first_with_totals_and_links_to_the_neighbouring_pages()
    {
        var (section, newest) = await ThreeStoriesAsync();
        var url = $"/api/v1/articles?category={section.Slug}&limit=2";

        var (first, one) = await api.GetJsonAsync(url);
        first.ContentType().ShouldBe("application/json");
        one.Slugs().ShouldBe([newest[0].Slug, newest[1].Slug]);
        var pagination = one.GetProperty("meta").GetProperty("pagination");
        pagination.GetProperty("total").GetInt32().ShouldBe(3);
        pagination.GetProperty("pages").GetInt32().ShouldBe(2);
        pagination.GetProperty("next").GetInt32().ShouldBe(2);
        pagination.GetProperty("prev").ValueKind.ShouldBe(JsonValueKind.Null);

        var (_, last) = await api.GetJsonAsync(url + "&page=2");
        last.Slugs().ShouldBe([newest[2].Slug]);
        last.GetProperty("meta").GetProperty("pagination").GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        last.GetProperty("meta").GetProperty("pagination").GetProperty("prev").GetInt32().ShouldBe(1);

        var (past, beyond) = await api.GetJsonAsync(url + "&page=7");
        ((int)past.StatusCode).ShouldBe(200);
        beyond.Slugs().ShouldBeEmpty();
        beyond.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task An_article_item_carries_its_links_byline_tags_picture_and_counts_but_not_its_body()
    {
        var tag = TestNewsroom.Unique("Ferries");
        var story = await app.ArticleAsync(a =>
        {
            a.ImagePath = "harbour-at-dawn.jpg"; a.ImageAlt = "The harbour at dawn"; a.ImageCaption = "Ferries wait";
            a.ImageWidth = 1200; a.ImageHeight = 800; a.Upvotes = 4; a.Downvotes = 1; a.ViewCount = 31;
        }, tags: tag);
        var (_, list) = await api.GetJsonAsync($"/api/v1/articles?tag={story.Tags[0].Slug}");
        var item = list.GetProperty("items").EnumerateArray().Single();

        item.GetProperty("id").GetInt32().ShouldBe(story.Id);
        item.GetProperty("title").GetString().ShouldBe(story.Title);
        item.GetProperty("url").GetString().ShouldBe(new Uri(app.Address, $"/articles/{story.Slug}").ToString());
        item.GetProperty("author").GetProperty("slug").GetString().ShouldNotBeNullOrEmpty();
        item.GetProperty("category").GetProperty("name").GetString().ShouldStartWith("Section");
        item.GetProperty("tags")[0].GetProperty("name").GetString().ShouldBe(tag);
        item.GetProperty("readingMinutes").GetInt32().ShouldBe(1);
        DateTime.Parse(item.GetProperty("publishedAt").GetString()!).ToUniversalTime().ShouldBe(story.PublishedAt!.Value, TimeSpan.FromSeconds(1));
        var image = item.GetProperty("image");
        image.GetProperty("url").GetString().ShouldBe(new Uri(app.Address, "/media/harbour-at-dawn.jpg").ToString());
        image.GetProperty("alt").GetString().ShouldBe("The harbour at dawn");
        image.GetProperty("width").GetInt32().ShouldBe(1200);
        var counts = item.GetProperty("counts");
        (counts.GetProperty("views").GetInt64(), counts.GetProperty("upvotes").GetInt32(), counts.GetProperty("downvotes").GetInt32(), counts.GetProperty("comments").GetInt32())
            .ShouldBe((31L, 4, 1, 0));
        item.TryGetProperty("html", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Drafts_future_and_unpublished_stories_never_appear_and_each_filter_narrows_the_list()
    {
        var section = await app.CategoryAsync();
        var byline = await app.AuthorAsync();
        var tag = TestNewsroom.Unique("Tides");
        var old = await app.ArticleAsync(a => a.PublishedAt = new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Utc), section, byline);
        var tagged = await app.ArticleAsync(null, section, tags: tag);
        await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, section, byline);
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(1); }, section, byline);
        await app.ArticleAsync(a => a.Status = ArticleStatus.Unpublished, section, byline);

        (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}")).Json.Slugs().ShouldBe([tagged.Slug, old.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?author={byline.Slug}")).Json.Slugs().ShouldBe([old.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?tag={tagged.Tags[0].Slug}")).Json.Slugs().ShouldBe([tagged.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&from=2024-05-10&to=2024-05-10")).Json.Slugs().ShouldBe([old.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&from=2024-05-11")).Json.Slugs().ShouldBe([tagged.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&to=2024-05-10T11:59:59Z")).Json.Slugs().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("?page=0", "page must be a whole number")]
    [InlineData("?limit=1000", "limit must be a whole number from 1 to 100")]
    [InlineData("?from=last-tuesday", "from must be a date")]
    [InlineData("?fields=title,secret", "Unknown field “secret”")]
    [InlineData("?category=no-such-section-anywhere", "There is no category “no-such-section-anywhere”")]
    [InlineData("?tag=Not%20A%20Slug", "There is no tag “Not A Slug”")]
    [InlineData("?author=nobody-at-all-here", "There is no author “nobody-at-all-here”")]
    public async Task Bad_list_parameters_get_a_400_problem_saying_what_is_wrong(string query, string detail) =>
        (await api.GetJsonAsync("/api/v1/articles" + query)).ShouldBeProblem(400).ShouldStartWith(detail);

    [Fact]
    public async Task Fields_cut_each_article_down_and_include_html_adds_the_body()
    {
        var section = await app.CategoryAsync();
        var story = await app.ArticleAsync(null, section);
        var category = $"category={section.Slug}";

        var (_, chosen) = await api.GetJsonAsync($"/api/v1/articles?{category}&fields=title,slug,publishedAt");
        var item = chosen.GetProperty("items")[0];
        item.EnumerateObject().Select(p => p.Name).ShouldBe(["slug", "title", "publishedAt"], ignoreOrder: true);
        item.GetProperty("title").GetString().ShouldBe(story.Title);

        var (_, withBody) = await api.GetJsonAsync($"/api/v1/articles?{category}&include=html");
        withBody.GetProperty("items")[0].GetProperty("html").GetString().ShouldBe(story.BodyHtml);
        withBody.GetProperty("items")[0].TryGetProperty("counts", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_single_article_has_its_sanitized_body_and_a_draft_is_a_404_problem()
    {
        var story = await app.ArticleAsync(a => a.SetBody("Ferries **resume**.\n\n<script>alert(1)</script>"));
        var draft = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);

        var (ok, one) = await api.GetJsonAsync($"/api/v1/articles/{story.Slug}");
        ((int)ok.StatusCode).ShouldBe(200);
        var article = one.GetProperty("article");
        article.GetProperty("slug").GetString().ShouldBe(story.Slug);
        article.GetProperty("html").GetString()!.ShouldContain("<strong>resume</strong>");
        article.GetProperty("html").GetString()!.ShouldNotContain("<script");

        (await api.GetJsonAsync($"/api/v1/articles/{draft.Slug}")).ShouldBeProblem(404).ShouldContain(draft.Slug);
        (await api.GetJsonAsync("/api/v1/articles/NOT..a..slug")).ShouldBeProblem(404);
        var (_, cut) = await api.GetJsonAsync($"/api/v1/articles/{story.Slug}?fields=title");
        cut.GetProperty("article").EnumerateObject().Select(p => p.Name).ShouldBe(["title"]);
    }

    [Fact]
    public async Task Sections_tags_and_authors_list_with_their_live_article_counts()
    {
        var tag = TestNewsroom.Unique("Lighthouses");
        var (section, newest) = await ThreeStoriesAsync(tag);
        var empty = await app.CategoryAsync();
        await app.ArticleAsync(a => a.Status = ArticleStatus.Draft, section, tags: tag);

        var (_, categories) = await api.GetJsonAsync("/api/v1/categories?limit=100");
        var items = categories.GetProperty("items").EnumerateArray().ToList();
        Count(items, section.Slug).ShouldBe(3);
        Count(items, empty.Slug).ShouldBe(0);
        items.First(i => i.GetProperty("slug").GetString() == section.Slug).GetProperty("url").GetString().ShouldEndWith($"/category/{section.Slug}");

        var tagSlug = newest[0].Tags[0].Slug;
        var tags = await AllAsync("/api/v1/tags");
        Count(tags, tagSlug).ShouldBe(3);

        var authors = await AllAsync("/api/v1/authors");
        var byline = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == newest[0].AuthorId));
        Count(authors, byline.Slug).ShouldBe(1);
        authors.Single(a => a.GetProperty("slug").GetString() == byline.Slug).GetProperty("name").GetString().ShouldBe(byline.DisplayName);
    }

    private static int Count(IEnumerable<JsonElement> items, string slug) =>
        items.Single(i => i.GetProperty("slug").GetString() == slug).GetProperty("articles").GetInt32();

    /// <summary>Every page of a list, following meta.pagination.next.</summary>
    private async Task<List<JsonElement>> AllAsync(string path)
    {
        var all = new List<JsonElement>();
        for (int? page = 1; page is not null;)
        {
            var (_, json) = await api.GetJsonAsync($"{path}?limit=100&page={page}");
            all.AddRange(json.GetProperty("items").EnumerateArray());
            var next = json.GetProperty("meta").GetProperty("pagination").GetProperty("next");
            page = next.ValueKind == JsonValueKind.Null ? null : next.GetInt32();
        }
        return all;
    }

    [Fact]
    public async Task Search_finds_live_stories_with_highlighted_snippets_and_refuses_an_empty_query()
    {
        var word = TestNewsroom.Word();
        var live = await app.ArticleAsync(a => a.SetBody($"The {word} ferry sails at dawn."));
        await app.ArticleAsync(a => { a.Status = ArticleStatus.Draft; a.SetBody($"A {word} draft."); });

        var (_, found) = await api.GetJsonAsync($"/api/v1/search?q={word}");
        var hit = found.GetProperty("items").EnumerateArray().Single();
        hit.GetProperty("article").GetProperty("slug").GetString().ShouldBe(live.Slug);
        hit.GetProperty("snippet").GetString()!.ShouldContain($"<mark>{word}</mark>");
        found.GetProperty("meta").GetProperty("pagination").GetProperty("total").GetInt32().ShouldBe(1);

        (await api.GetJsonAsync("/api/v1/search?q=")).ShouldBeProblem(400).ShouldStartWith("q must contain");
        (await api.GetJsonAsync("/api/v1/search?q=%22%22%20-")).ShouldBeProblem(400);
        (await api.GetJsonAsync($"/api/v1/search?q={word}&sort=oldest")).ShouldBeProblem(400).ShouldStartWith("sort must be");
    }

    [Fact]
    public async Task Unknown_api_paths_and_methods_get_problem_json_not_the_html_error_page()
    {
        (await api.GetJsonAsync("/api/v1/nothing-here")).ShouldBeProblem(404).ShouldContain("/developers/api");
        (await api.GetJsonAsync("/api/v2/articles")).ShouldBeProblem(404);
        using var post = await api.PostAsync("/api/v1/articles", new StringContent("{}"));
        ((int)post.StatusCode).ShouldBe(405);
        post.ContentType().ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_etag_answers_a_repeat_with_304_and_changes_when_the_article_does()
    {
        var story = await app.ArticleAsync();
        var path = $"/api/v1/articles/{story.Slug}";
        var (first, _) = await api.GetJsonAsync(path);
        var etag = first.Headers.ETag!;
        etag.IsWeak.ShouldBeFalse();
        first.Headers.CacheControl!.Private.ShouldBeTrue();
        first.Headers.CacheControl.NoCache.ShouldBeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.SendAsync(again);
        ((int)notModified.StatusCode).ShouldBe(304);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Ferries run late all week")));
        await app.ContentChangedAsync(); // as the newsroom does on every save
        using var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await api.SendAsync(changed);
        ((int)fresh.StatusCode).ShouldBe(200);
        fresh.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await fresh.Content.ReadAsStringAsync()).ShouldContain("Ferries run late all week");
    }

    [Fact]
    public async Task A_repeat_comes_from_the_page_cache_until_content_changes_whichever_key_asks()
    {
        var section = await app.CategoryAsync();
        var story = await app.ArticleAsync(null, section);
        var list = $"/api/v1/articles?category={section.Slug}";
        var single = $"/api/v1/articles/{story.Slug}";
        (await api.GetJsonAsync(list)).Json.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe(story.Title);
        (await api.GetJsonAsync(single)).Json.GetProperty("article").GetProperty("title").GetString().ShouldBe(story.Title);

        // Changed behind the app's back: no eviction, so the cached answers stand, for another key too.
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Ferry strike called off")));
        using var other = app.KeyedClient(await app.ApiKeyAsync());
        (await other.GetJsonAsync(list)).Json.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe(story.Title);
        (await other.GetJsonAsync(single)).Json.GetProperty("article").GetProperty("title").GetString().ShouldBe(story.Title);

        await app.ContentChangedAsync();
        (await api.GetJsonAsync(list)).Json.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("Ferry strike called off");
        (await api.GetJsonAsync(single)).Json.GetProperty("article").GetProperty("title").GetString().ShouldBe("Ferry strike called off");
    }

    [Fact]
    public async Task Cors_answers_the_configured_origin_and_its_preflight_and_no_other()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        allowed.Headers.Add("Origin", ApiApp.AllowedOrigin);
        using var yes = await api.SendAsync(allowed);
        yes.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(ApiApp.AllowedOrigin);
        yes.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("ETag");

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        other.Headers.Add("Origin", "https://elsewhere.example.test");
        using var no = await api.SendAsync(other);
        ((int)no.StatusCode).ShouldBe(200);
        no.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();

        using var client = app.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/articles");
        preflight.Headers.Add("Origin", ApiApp.AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var answer = await client.SendAsync(preflight);
        ((int)answer.StatusCode).ShouldBe(204);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(ApiApp.AllowedOrigin);
        answer.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant().ShouldContain("authorization");

        using var page = new HttpRequestMessage(HttpMethod.Get, "/latest");
        page.Headers.Add("Origin", ApiApp.AllowedOrigin);
        using var site = await client.SendAsync(page);
        site.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_are_public_and_list_every_endpoint()
    {
        using var client = app.Client();
        var (doc, json) = await client.GetJsonAsync("/openapi/v1.json");
        ((int)doc.StatusCode).ShouldBe(200);
        string[] paths = ["/api/v1/articles", "/api/v1/articles/{slug}", "/api/v1/articles/id/{id}", "/api/v1/categories", "/api/v1/categories/{slug}",
            "/api/v1/tags", "/api/v1/tags/{slug}", "/api/v1/authors", "/api/v1/authors/{slug}", "/api/v1/search", "/api/v1/pages", "/api/v1/pages/{slug}", "/api/v1/pages/id/{id}", "/api/v1/live/{slug}/entries"];
        json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ShouldBe(paths, ignoreOrder: true);
        // servers is the configured origin, without a trailing slash, whatever Host the request named.
        using var otherHost = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        otherHost.Headers.Host = $"localhost:{app.Address.Port}";
        using var asked = await client.SendAsync(otherHost);
        var servers = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("servers");
        servers.EnumerateArray().Select(x => x.GetProperty("url").GetString()).ShouldBe([app.Address.GetLeftPart(UriPartial.Authority)]);
        var schemes = json.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("queryKey").GetProperty("in").GetString().ShouldBe("query");
        var list = json.GetProperty("paths").GetProperty("/api/v1/articles").GetProperty("get");
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["category", "tag", "author", "from", "to", "page", "limit", "fields", "include", "formats", "order", "direction", "updated_since", "If-None-Match"], ignoreOrder: true);
        list.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "304", "400", "401", "403", "404", "405", "429"], ignoreOrder: true);

        var (response, page) = await app.GetPageAsync("/developers/api");
        ((int)response.StatusCode).ShouldBe(200);
        var listed = page.QuerySelectorAll(".api-operation h3").Select(h => h.TextContent.Trim()).ToList();
        listed.ShouldBe(paths.Select(p => $"GET {p}"), ignoreOrder: true);
        page.QuerySelectorAll("script:not([src])").ShouldBeEmpty();
    }
}
