using Broadsheet.Tests.Fixtures;
using System.Net;

namespace Broadsheet.Tests.Import;

/// <summary>
/// WordPress's plain links (?p=N) into an imported site, from the real exports (Exports/README.md),
/// each into a site of its own.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ImportLinksTests
{
    private static string Export(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Exports", name);

    private static async Task<string> RedirectOf(BroadsheetApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.MovedPermanently ? response.Headers.Location!.OriginalString : $"{(int)response.StatusCode}";
    }

    [Fact]
    public async Task A_plain_post_link_with_or_without_a_preview_goes_to_the_story_and_an_unknown_one_is_the_404_page()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();

        // WordPress 3.1's export is a site on plain permalinks: its post's only address is /?p=1.
        var (code, output) = await app.ImportFileAsync(Export("wxr-1.1-wordpress-3.1.xml"), uploads: null);

        code.ShouldBe(0, output);
        (await RedirectOf(app, "/?p=1")).ShouldBe("/articles/hello-world");
        (await RedirectOf(app, "/?p=1&preview=true")).ShouldBe("/articles/hello-world");
        (await RedirectOf(app, "/?preview=true&p=1&preview_id=1&preview_nonce=0a1b2c")).ShouldBe("/articles/hello-world");
        (await RedirectOf(app, "/?p=2")).ShouldBe("/pages/about"); // WordPress answers ?p= for pages as well

        var (missing, page) = await app.GetPageAsync("/?p=999999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldContain("We could not find that page");
        (await RedirectOf(app, "/?p=1&utm_source=newsletter")).ShouldBe("/articles/hello-world");
        (await RedirectOf(app, "/")).ShouldBe("200");
    }
}
