using Broadsheet.Pages;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Pages;

/// <summary>/api/v1/pages behaves as the article resources do: keys, fields=, formats=, ETags, HEAD, unknown-parameter 400s.</summary>
[Trait("Category", "Integration")]
public sealed class PageApiTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private static string[] Keys(JsonElement o) => o.EnumerateObject().Select(p => p.Name).Order().ToArray();

    [Fact]
    public async Task The_list_gives_published_pages_without_their_body_and_a_single_page_with_it()
    {
        var live = await app.PageAsync(p => (p.Description, p.Position) = ("How to reach us.", -500));
        var draft = await app.PageAsync(p => p.Status = PageStatus.Draft);
        using var client = app.KeyedClient(await app.ApiKeyAsync());

        var (listed, list) = await client.GetJsonAsync("/api/v1/pages?limit=100");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var slugs = list.Slugs();
        slugs.ShouldContain(live.Slug);
        slugs.ShouldNotContain(draft.Slug);
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == live.Slug);
        item.TryGetProperty("html", out _).ShouldBeFalse();
        item.GetProperty("description").GetString().ShouldBe("How to reach us.");
        item.GetProperty("url").GetString()!.ShouldEndWith($"/pages/{live.Slug}");
        list.GetProperty("meta").GetProperty("pagination").GetProperty("limit").GetInt32().ShouldBe(100);

        var (one, single) = await client.GetJsonAsync($"/api/v1/pages/{live.Slug}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        single.GetProperty("page").GetProperty("html").GetString()!.ShouldContain("<strong>errors</strong>");
        single.GetProperty("page").TryGetProperty("plaintext", out _).ShouldBeFalse();
        var (byId, sameById) = await client.GetJsonAsync($"/api/v1/pages/id/{live.Id}");
        byId.StatusCode.ShouldBe(HttpStatusCode.OK);
        sameById.GetProperty("page").GetProperty("slug").GetString().ShouldBe(live.Slug);

        (await client.GetAsync($"/api/v1/pages/{draft.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/pages/id/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fields_and_formats_cut_and_extend_a_page_as_they_do_an_article()
    {
        var live = await app.PageAsync();
        using var client = app.KeyedClient(await app.ApiKeyAsync());

        var (_, cut) = await client.GetJsonAsync($"/api/v1/pages/{live.Slug}?fields=title,slug");
        Keys(cut.GetProperty("page")).ShouldBe(["slug", "title"]);
        var (_, both) = await client.GetJsonAsync($"/api/v1/pages?formats=html,plaintext&limit=100");
        var item = both.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == live.Slug);
        item.GetProperty("plaintext").GetString()!.ShouldContain("We correct errors promptly.");
        item.GetProperty("html").GetString()!.ShouldContain("<strong>");

        var (bad, problem) = await client.GetJsonAsync($"/api/v1/pages?fields=title,standfirst");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("standfirst");
    }

    [Fact]
    public async Task An_unknown_parameter_is_a_400_naming_it_and_a_key_is_required()
    {
        using var client = app.KeyedClient(await app.ApiKeyAsync());
        var (bad, problem) = await client.GetJsonAsync("/api/v1/pages?catgory=about");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.ContentType().ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString()!.ShouldContain("catgory");
        using var anonymous = app.Client();
        (await anonymous.GetAsync("/api/v1/pages")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_repeated_request_with_its_etag_is_a_304_and_head_answers_without_a_body()
    {
        var live = await app.PageAsync();
        using var client = app.KeyedClient(await app.ApiKeyAsync());
        var first = await client.GetAsync($"/api/v1/pages/{live.Slug}");
        var etag = first.Headers.ETag!.Tag;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/pages/{live.Slug}");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        (await client.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/v1/pages/{live.Slug}");
        var headed = await client.SendAsync(head);
        headed.StatusCode.ShouldBe(HttpStatusCode.OK);
        headed.Headers.ETag!.Tag.ShouldBe(etag);
        (await headed.Content.ReadAsByteArrayAsync()).Length.ShouldBe(0);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_page_operations_with_page_fields()
    {
        using var client = app.Client();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, id) in new[] { ("/api/v1/pages", "ListPages"), ("/api/v1/pages/{slug}", "GetPage"), ("/api/v1/pages/id/{id}", "GetPageById") })
            paths.GetProperty(path).GetProperty("get").GetProperty("operationId").GetString().ShouldBe(id);
        var fields = paths.GetProperty("/api/v1/pages").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "fields");
        fields.GetProperty("schema").GetProperty("pattern").GetString()!.ShouldContain("description");
    }
}
