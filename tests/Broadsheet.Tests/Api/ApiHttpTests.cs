using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Api;

/// <summary>The HTTP details a client library relies on: HEAD, 405 with Allow, no-store errors, unknown and repeated parameters.</summary>
[Trait("Category", "Integration")]
public sealed class ApiHttpTests(ApiApp app) : IClassFixture<ApiApp>, IAsyncLifetime
{
    private HttpClient api = null!;

    public async Task InitializeAsync() => api = app.KeyedClient(await app.ApiKeyAsync());

    public Task DisposeAsync()
    {
        api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Head_answers_wherever_get_does_with_the_same_headers_and_no_body()
    {
        var section = await app.CategoryAsync();
        var byline = await app.AuthorAsync();
        var story = await app.ArticleAsync(null, section, byline, TestNewsroom.Unique("Tides"));
        string[] paths =
        [
            $"/api/v1/articles?category={section.Slug}", $"/api/v1/articles/{story.Slug}", $"/api/v1/articles/id/{story.Id}",
            "/api/v1/categories", $"/api/v1/categories/{section.Slug}", "/api/v1/tags", $"/api/v1/tags/{story.Tags[0].Slug}",
            "/api/v1/authors", $"/api/v1/authors/{byline.Slug}", "/api/v1/search?q=ferry",
        ];
        foreach (var path in paths)
        {
            using var get = await api.GetAsync(path);
            using var head = await api.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            ((int)head.StatusCode).ShouldBe(200, path);
            head.Headers.ETag.ShouldBe(get.Headers.ETag, path);
            head.Content.Headers.ContentLength.ShouldBe(get.Content.Headers.ContentLength, path);
            (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty(path);
        }
    }

    [Theory]
    [InlineData("POST", "/api/v1/articles")]
    [InlineData("DELETE", "/api/v1/articles/some-story")]
    [InlineData("PUT", "/api/v1/categories")]
    [InlineData("PATCH", "/api/v1/no-such-thing")]
    public async Task Any_method_but_get_and_head_is_a_405_whose_allow_names_them(string method, string path)
    {
        using var answer = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        ((int)answer.StatusCode).ShouldBe(405);
        answer.Content.Headers.Allow.ShouldBe(["GET", "HEAD"], ignoreOrder: true);
        answer.ContentType().ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/api/v1/articles?limit=0", true, 400)]
    [InlineData("/api/v1/articles", false, 401)]
    [InlineData("/api/v1/articles/no-such-story-anywhere", true, 404)]
    [InlineData("/api/v1/no-such-thing", true, 404)]
    [InlineData("/api/v1/articles?catgory=sport", true, 400)]
    public async Task Every_error_answer_is_no_store(string path, bool keyed, int status)
    {
        using var anonymous = app.Client();
        using var answer = await (keyed ? api : anonymous).GetAsync(path);
        ((int)answer.StatusCode).ShouldBe(status);
        answer.Headers.CacheControl!.NoStore.ShouldBeTrue();
        answer.Headers.CacheControl.Private.ShouldBeFalse();
        using var posted = await api.PostAsync(path, null);
        posted.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/v1/articles?catgory=sport", "catgory")]
    [InlineData("/api/v1/categories?limit=5&sort=name", "sort")]
    [InlineData("/api/v1/search?q=ferry&order=title", "order")]
    [InlineData("/api/v1/articles/some-story?slug=other", "slug")]
    public async Task An_unknown_query_parameter_is_a_400_that_names_it(string path, string name)
    {
        var detail = (await api.GetJsonAsync(path)).ShouldBeProblem(400);
        detail.ShouldStartWith($"Unknown query parameter “{name}”.");

        // The key may always come in the query, beside the endpoint's own parameters.
        using var anonymous = app.Client();
        var (refused, _) = await anonymous.GetJsonAsync($"{path}&key={await app.ApiKeyAsync()}");
        ((int)refused.StatusCode).ShouldBe(400);
        using var answer = await anonymous.GetAsync($"/api/v1/categories?limit=1&key={await app.ApiKeyAsync()}");
        ((int)answer.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task A_repeated_filter_means_any_of_its_values_and_any_other_repeated_parameter_is_refused()
    {
        var section = await app.CategoryAsync();
        var a = await app.ArticleAsync(null, section, tags: TestNewsroom.Unique("Alpha"));
        var b = await app.ArticleAsync(null, section, tags: TestNewsroom.Unique("Beta"));
        await app.ArticleAsync(null, section, tags: TestNewsroom.Unique("Gamma"));

        (await api.GetJsonAsync($"/api/v1/articles?tag={a.Tags[0].Slug}&tag={b.Tags[0].Slug}")).Json.Slugs().ShouldBe([b.Slug, a.Slug]);
        (await api.GetJsonAsync($"/api/v1/articles?category={section.Slug}&page=1&page=2")).ShouldBeProblem(400).ShouldBe("page was given 2 times; give it once.");
        (await api.GetJsonAsync("/api/v1/search?q=ferry&sort=newest&sort=relevance")).ShouldBeProblem(400).ShouldStartWith("sort was given 2 times");
    }
}
