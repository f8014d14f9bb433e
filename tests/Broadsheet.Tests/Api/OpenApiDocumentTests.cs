using Broadsheet.Tests.Fixtures;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Broadsheet.Tests.Api;

/// <summary>
/// The served /openapi/v1.json held to the answers: a client generated from it by an independent
/// generator must compile and read every endpoint's answer strictly, and a real OpenAPI linter
/// must pass it with no finding.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task A_client_generated_from_the_served_document_reads_every_endpoint_strictly()
    {
        var section = await app.CategoryAsync();
        var byline = await app.AuthorAsync();
        var word = TestNewsroom.Word();
        var tag = TestNewsroom.Unique("Ferries");
        var story = await app.ArticleAsync(a =>
        {
            a.SetBody($"The {word} ferry sails at dawn.");
            a.ImagePath = "harbour.jpg"; a.ImageAlt = "The harbour"; a.ImageCaption = "Dawn"; a.ImageWidth = 1200; a.ImageHeight = 800;
        }, section, byline, tag);
        var bare = await app.ArticleAsync(null, section, byline); // no picture: image is null
        var about = await Broadsheet.Tests.Pages.PageFixtures.PageAsync(app);

        using var anonymous = app.Client();
        var documentJson = await anonymous.GetStringAsync("/openapi/v1.json");
        var (clientType, _) = await GeneratedClient.BuildAsync(documentJson);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.ApiKeyAsync());
        // No base address here: the client must find the API from the document's servers.
        var client = Activator.CreateInstance(clientType, http)!;

        var tagSlug = story.Tags[0].Slug;
        // A live story, so the live entries endpoint has something to list.
        await app.WithDbAsync(async db =>
        {
            db.Set<Broadsheet.Live.LiveStory>().Add(new Broadsheet.Live.LiveStory { ArticleId = story.Id, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        Dictionary<string, Dictionary<string, object?>> arguments = new()
        {
            ["ListArticles"] = new() { ["category"] = section.Slug },
            ["GetArticle"] = new() { ["slug"] = story.Slug },
            ["GetArticleById"] = new() { ["id"] = story.Id },
            ["GetCategory"] = new() { ["slug"] = section.Slug },
            ["GetTag"] = new() { ["slug"] = tagSlug },
            ["GetAuthor"] = new() { ["slug"] = byline.Slug },
            ["Search"] = new() { ["q"] = word },
            ["GetPage"] = new() { ["slug"] = about.Slug },
            ["GetPageById"] = new() { ["id"] = about.Id },
            ["ListLiveEntries"] = new() { ["slug"] = story.Slug },
        };
        using var document = JsonDocument.Parse(documentJson);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value.GetProperty("operationId").GetString()!)).ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var operation in operations)
            (await GeneratedClient.CallAsync(client, operation, arguments.GetValueOrDefault(operation) ?? [])).ShouldNotBeNull(operation);

        // The values came through, typed: ids and counts as numbers, the picture, a null picture, the body.
        var list = await GeneratedClient.CallAsync(client, "ListArticles", new Dictionary<string, object?> { ["category"] = section.Slug, ["formats"] = "html,plaintext" });
        var items = ((System.Collections.IEnumerable)list!.Get("Items")!).Cast<object>().ToList();
        items.Select(i => i.Get("Slug")).ShouldBe([bare.Slug, story.Slug], ignoreOrder: true);
        var item = items.Single(i => (string?)i.Get("Slug") == story.Slug);
        item.Get("Id").ShouldBe(story.Id);
        item.Get("Image")!.Get("Width").ShouldBe(1200);
        items.Single(i => (string?)i.Get("Slug") == bare.Slug).Get("Image").ShouldBeNull();
        ((string)item.Get("Plaintext")!).ShouldContain(word);
        var single = await GeneratedClient.CallAsync(client, "GetArticleById", new Dictionary<string, object?> { ["id"] = story.Id });
        ((string)single!.Get("Article")!.Get("Html")!).ShouldContain(word);
        var few = await GeneratedClient.CallAsync(client, "ListArticles", new Dictionary<string, object?> { ["category"] = section.Slug, ["fields"] = "slug,title" });
        ((System.Collections.IEnumerable)few!.Get("Items")!).Cast<object>().Select(i => i.Get("Id")).ShouldAllBe(id => id == null);

        // An error is a problem+json the client reads as the document says.
        var missing = await Should.ThrowAsync<Exception>(() => GeneratedClient.CallAsync(client, "GetArticle", new Dictionary<string, object?> { ["slug"] = "no-such-story-" + word }));
        missing.GetType().Name.ShouldBe("ApiException`1");
        missing.Get("StatusCode").ShouldBe(404);
        ((string)missing.Get("Result")!.Get("Detail")!).ShouldContain("no live article");
    }

    [Fact]
    public async Task Every_number_in_the_document_is_an_integer_and_never_also_a_string()
    {
        using var anonymous = app.Client();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var integers = 0;
        var loose = new List<string>();
        void Walk(JsonElement e, string at)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                // A schema's "type" is a string or an array; an object there is a property named "type" (ProblemDetails has one).
                if (e.TryGetProperty("type", out var type) && type.ValueKind is JsonValueKind.String or JsonValueKind.Array)
                {
                    var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
                    if (types.Contains("integer") || types.Contains("number")) integers++;
                    if ((types.Contains("integer") || types.Contains("number")) && types.Contains("string")) loose.Add(at);
                }
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{at}/{p.Name}");
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{at}/{i++}");
            }
        }
        Walk(document.RootElement, "#");
        integers.ShouldBeGreaterThan(10);
        loose.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_served_document_passes_the_openapi_linter_with_no_finding()
    {
        using var anonymous = app.Client();
        var file = Path.Combine(app.Folder, "openapi.json");
        await File.WriteAllTextAsync(file, await anonymous.GetStringAsync("/openapi/v1.json"));

        var lint = Linter.Folder;
        var (code, output) = await Linter.RunAsync(Path.Combine(lint, "node_modules", ".bin", "redocly"), lint,
            "lint", "--config", Path.Combine(lint, "redocly.yaml"), "--format", "stylish", file);
        code.ShouldBe(0, output);
    }
}

/// <summary>Redocly's CLI, installed by npm from tests/openapi-lint (test.sh runs npm ci; so does the first test here if it has not).</summary>
internal static class Linter
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root (Broadsheet.slnx) is not above the tests."), "tests", "openapi-lint");
        }
    }

    public static async Task<(int Code, string Output)> RunAsync(string program, string folder, params string[] arguments)
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(program))
            {
                var (code, output) = await ExecAsync("npm", folder, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
                code.ShouldBe(0, $"npm ci in {folder} failed:\n{output}");
            }
        }
        finally { Install.Release(); }
        return await ExecAsync(program, folder, arguments);
    }

    private static async Task<(int, string)> ExecAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await stdout + await stderr);
    }
}
