using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;
using System.Text.Json;

namespace Broadsheet.Tests.Api;

/// <summary>What developers coming from Ghost or WordPress look for: order, updated_since, several values and exclusions, single terms, ids, formats.</summary>
[Trait("Category", "Integration")]
public sealed class ApiListOptionsTests(ApiApp app) : IClassFixture<ApiApp>, IAsyncLifetime
{
    private HttpClient api = null!;

    public async Task InitializeAsync() => api = app.KeyedClient(await app.ApiKeyAsync());

    public Task DisposeAsync()
    {
        api.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string[]> SlugsAsync(string query) => (await api.GetJsonAsync("/api/v1/articles?" + query)).Json.Slugs();

    [Fact]
    public async Task Order_sorts_by_each_field_both_ways()
    {
        var section = await app.CategoryAsync();
        var now = DateTime.UtcNow;
        Article Shape(Article a, string title, int views, int up, int down, int updatedDaysAgo, int publishedHoursAgo)
        {
            (a.Title, a.ViewCount, a.Upvotes, a.Downvotes) = ($"{title} {a.Title}", views, up, down);
            (a.UpdatedAt, a.PublishedAt) = (now.AddDays(-updatedDaysAgo), now.AddHours(-publishedHoursAgo));
            return a;
        }
        var alder = await app.ArticleAsync(a => Shape(a, "Alder", 10, 5, 0, 3, 3), section);
        var cedar = await app.ArticleAsync(a => Shape(a, "Cedar", 30, 1, 1, 1, 2), section);
        var birch = await app.ArticleAsync(a => Shape(a, "Birch", 20, 3, 0, 2, 1), section);
        var c = $"category={section.Slug}";

        (await SlugsAsync(c)).ShouldBe([birch.Slug, cedar.Slug, alder.Slug]);
        (await SlugsAsync(c + "&order=published&direction=asc")).ShouldBe([alder.Slug, cedar.Slug, birch.Slug]);
        (await SlugsAsync(c + "&order=title")).ShouldBe([alder.Slug, birch.Slug, cedar.Slug]);
        (await SlugsAsync(c + "&order=title&direction=desc")).ShouldBe([cedar.Slug, birch.Slug, alder.Slug]);
        (await SlugsAsync(c + "&order=views")).ShouldBe([cedar.Slug, birch.Slug, alder.Slug]);
        (await SlugsAsync(c + "&order=views&direction=asc")).ShouldBe([alder.Slug, birch.Slug, cedar.Slug]);
        (await SlugsAsync(c + "&order=points")).ShouldBe([alder.Slug, birch.Slug, cedar.Slug]);
        (await SlugsAsync(c + "&order=updated")).ShouldBe([cedar.Slug, birch.Slug, alder.Slug]);
        (await SlugsAsync(c + "&order=updated&direction=asc")).ShouldBe([alder.Slug, birch.Slug, cedar.Slug]);
        (await SlugsAsync(c + $"&updated_since={now.AddHours(-36):yyyy-MM-ddTHH:mm:ssZ}")).ShouldBe([cedar.Slug]);

        (await api.GetJsonAsync("/api/v1/articles?order=hotness")).ShouldBeProblem(400).ShouldStartWith("order must be one of published, updated, title, views, points");
        (await api.GetJsonAsync("/api/v1/articles?direction=up")).ShouldBeProblem(400).ShouldBe("direction must be asc or desc.");
        (await api.GetJsonAsync("/api/v1/articles?updated_since=lately")).ShouldBeProblem(400).ShouldStartWith("updated_since must be a date");
    }

    [Fact]
    public async Task A_filter_takes_several_values_and_a_minus_leaves_one_out()
    {
        var (one, two, three) = (await app.CategoryAsync(), await app.CategoryAsync(), await app.CategoryAsync());
        var byline = await app.AuthorAsync();
        var skip = TestNewsroom.Unique("Skip");
        var first = await app.ArticleAsync(null, one);
        var second = await app.ArticleAsync(null, two, byline);
        var tagged = await app.ArticleAsync(null, two, tags: skip);
        await app.ArticleAsync(null, three);

        (await SlugsAsync($"category={one.Slug},{two.Slug}")).ShouldBe([tagged.Slug, second.Slug, first.Slug]);
        (await SlugsAsync($"category={one.Slug},{two.Slug}&tag=-{tagged.Tags[0].Slug}")).ShouldBe([second.Slug, first.Slug]);
        (await SlugsAsync($"category={two.Slug}&author=-{byline.Slug}")).ShouldBe([tagged.Slug]);
        (await SlugsAsync($"category={one.Slug},{two.Slug},-{two.Slug}")).ShouldBe([first.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?category={one.Slug},no-such-section-here")).ShouldBeProblem(400).ShouldBe("There is no category “no-such-section-here”.");
        (await api.GetJsonAsync($"/api/v1/search?q=ferry&category={one.Slug},{two.Slug}")).ShouldBeProblem(400).ShouldStartWith("search takes at most one category");
    }

    [Fact]
    public async Task A_section_tag_and_author_each_come_alone_by_slug_with_their_counts()
    {
        var section = await app.CategoryAsync();
        var byline = await app.AuthorAsync();
        var story = await app.ArticleAsync(null, section, byline, TestNewsroom.Unique("Harbour"));
        await app.ArticleAsync(null, section, byline);
        var idle = await app.AuthorAsync();

        var category = (await api.GetJsonAsync($"/api/v1/categories/{section.Slug}")).Json.GetProperty("category");
        (category.GetProperty("name").GetString(), category.GetProperty("articles").GetInt32()).ShouldBe((section.Name, 2));
        category.GetProperty("url").GetString().ShouldBe(new Uri(app.Address, $"/category/{section.Slug}").ToString());
        var tag = (await api.GetJsonAsync($"/api/v1/tags/{story.Tags[0].Slug}")).Json.GetProperty("tag");
        tag.GetProperty("articles").GetInt32().ShouldBe(1);
        var author = (await api.GetJsonAsync($"/api/v1/authors/{byline.Slug}")).Json.GetProperty("author");
        (author.GetProperty("name").GetString(), author.GetProperty("articles").GetInt32()).ShouldBe((byline.DisplayName, 2));

        (await api.GetJsonAsync("/api/v1/categories/no-such-section-here")).ShouldBeProblem(404);
        (await api.GetJsonAsync("/api/v1/tags/no-such-tag-here")).ShouldBeProblem(404);
        (await api.GetJsonAsync($"/api/v1/authors/{idle.Slug}")).ShouldBeProblem(404).ShouldContain("with a live article");
    }

    [Fact]
    public async Task An_article_comes_by_id_as_by_slug_and_a_draft_id_is_a_404()
    {
        var story = await app.ArticleAsync();
        var draft = await app.ArticleAsync(a => a.Status = ArticleStatus.Draft);

        var (_, bySlug) = await api.GetJsonAsync($"/api/v1/articles/{story.Slug}");
        var (_, byId) = await api.GetJsonAsync($"/api/v1/articles/id/{story.Id}");
        byId.GetRawText().ShouldBe(bySlug.GetRawText());
        (await api.GetJsonAsync($"/api/v1/articles/id/{draft.Id}")).ShouldBeProblem(404);
        (await api.GetJsonAsync("/api/v1/articles/id/99999999999")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Formats_add_the_body_as_html_or_plain_text()
    {
        var section = await app.CategoryAsync();
        var story = await app.ArticleAsync(a => a.SetBody("The ferry is **late**."), section);

        var item = (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&formats=plaintext")).Json.GetProperty("items")[0];
        item.GetProperty("plaintext").GetString().ShouldBe(story.BodyText);
        item.TryGetProperty("html", out _).ShouldBeFalse();
        var both = (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&formats=html,plaintext")).Json.GetProperty("items")[0];
        both.GetProperty("html").GetString().ShouldBe(story.BodyHtml);

        var single = (await api.GetJsonAsync($"/api/v1/articles/{story.Slug}")).Json.GetProperty("article");
        single.TryGetProperty("plaintext", out _).ShouldBeFalse();
        var plain = (await api.GetJsonAsync($"/api/v1/articles/{story.Slug}?formats=plaintext")).Json.GetProperty("article");
        plain.GetProperty("plaintext").GetString().ShouldBe(story.BodyText);
        plain.GetProperty("html").ValueKind.ShouldBe(JsonValueKind.String);
        (await api.GetJsonAsync("/api/v1/articles?formats=pdf")).ShouldBeProblem(400).ShouldStartWith("include and formats take html and plaintext");
    }
}
