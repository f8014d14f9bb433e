using Broadsheet.Articles;
using Broadsheet.Import;
using Broadsheet.Pages;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Import;

/// <summary>
/// WordPress pages become static pages with redirects from their old addresses, attachment pages
/// and date archives redirect too; real exports (Exports/README.md), each into a site of its own.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(95)]
public sealed class ImportPagesTests
{
    private static string Export(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Exports", name);

    private static async Task<string?> RedirectOf(BroadsheetApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.MovedPermanently ? response.Headers.Location!.OriginalString : $"{(int)response.StatusCode}";
    }

    [Fact]
    public async Task The_wordpress_com_pages_arrive_published_with_redirects_from_pages_attachments_and_date_archives_and_a_rerun_changes_nothing()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();

        var (code, output) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads: null);

        code.ShouldBe(0, output);
        output.ShouldContain("pages       created    21");
        output.ShouldContain("page 155 has 4 comment(s)");
        output.ShouldNotContain("of type 'page'");
        var pages = await app.WithDbAsync(db => db.Pages.AsNoTracking().ToListAsync());
        pages.Count.ShouldBe(21);
        pages.ShouldAllBe(p => p.Status == PageStatus.Published && !p.AllowComments && !p.AllowVotes);
        var about = pages.Single(p => p.Slug == "about");
        (about.Title, about.Position).ShouldBe(("About The Tests", 1));
        about.BodyText.ShouldNotBeEmpty();
        pages.Select(p => p.Slug).ShouldContain("2-second-greek-level"); // a Greek slug that leaves only "2" gives way to the title
        await app.ContentChangedAsync();
        (await app.GetPageAsync("/pages/about")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each page's old permalink, nested or not, and WordPress's plain ?page_id= link.
        (await RedirectOf(app, "/about/")).ShouldBe("/pages/about");
        (await RedirectOf(app, "/about/page-with-comments/")).ShouldBe("/pages/page-with-comments");
        (await RedirectOf(app, "/level-1/level-2/level-3/")).ShouldBe("/pages/level-3");
        (await RedirectOf(app, "/?page_id=2")).ShouldBe("/pages/about");

        // An attachment page goes to the story or the page it belongs to, by path or by ?attachment_id=.
        var gallery = await app.WithDbAsync(db => db.ImportedItems.Where(i => i.Kind == "post" && i.ExternalId == "555")
            .Join(db.Articles, i => (int)i.LocalId, a => a.Id, (i, a) => a.Slug).SingleAsync());
        (await RedirectOf(app, "/2010/09/10/post-format-gallery/canola2/")).ShouldBe($"/articles/{gallery}");
        (await RedirectOf(app, "/?attachment_id=611")).ShouldBe($"/articles/{gallery}");
        (await RedirectOf(app, "/about/clearing-floats/olympus-digital-camera/")).ShouldBe("/pages/clearing-floats");

        // Date archives of the old permalinks go to /latest; the home page itself is untouched.
        foreach (var archive in new[] { "/2010/", "/2010/09/", "/2010/09/10/" })
            (await RedirectOf(app, archive)).ShouldBe("/latest", archive);
        (await RedirectOf(app, "/")).ShouldBe("200");
        (await RedirectOf(app, "/?page_id=999999")).ShouldBe("404"); // an old link to nothing is not the home page

        // The export has not changed: a second run leaves every page as the newsroom has it.
        await app.WithDbAsync(async db => { (await db.Pages.SingleAsync(p => p.Slug == "about")).Title = "About this newspaper"; await db.SaveChangesAsync(); });
        var (again, second) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads: null);
        again.ShouldBe(0, second);
        second.ShouldContain("pages       created     0   updated     0   unchanged    21");
        (await app.WithDbAsync(db => db.Pages.CountAsync())).ShouldBe(21);
        (await app.WithDbAsync(db => db.Pages.SingleAsync(p => p.Slug == "about"))).Title.ShouldBe("About this newspaper");
    }

    [Fact]
    public async Task A_page_trashed_on_wordpress_since_the_last_run_is_taken_down_and_a_dry_run_counts_pages_without_writing()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();
        var original = await File.ReadAllTextAsync(Export("wxr-1.1-wordpress-3.1.xml"));

        var (dry, dryOutput) = await app.ImportFileAsync(Export("wxr-1.1-wordpress-3.1.xml"), null, "--dry-run");
        dry.ShouldBe(0, dryOutput);
        dryOutput.ShouldContain("pages       created     1");
        (await app.WithDbAsync(db => db.Pages.CountAsync())).ShouldBe(0);

        var (code, output) = await app.ImportFileAsync(Export("wxr-1.1-wordpress-3.1.xml"), uploads: null);
        code.ShouldBe(0, output);
        (await app.WithDbAsync(db => db.Pages.SingleAsync())).Status.ShouldBe(PageStatus.Published);
        (await RedirectOf(app, "/?page_id=2")).ShouldBe("/pages/about");

        // The same export later, with the page in the trash (a copy: the fixture itself stays as WordPress wrote it).
        var page = original.IndexOf("<wp:post_type>page</wp:post_type>", StringComparison.Ordinal);
        var status = original.LastIndexOf("<wp:status>publish</wp:status>", page, StringComparison.Ordinal);
        status.ShouldBeGreaterThan(0);
        var trashed = Path.Combine(app.Folder, "trashed.xml");
        await File.WriteAllTextAsync(trashed, original[..status] + "<wp:status>trash</wp:status>" + original[(status + "<wp:status>publish</wp:status>".Length)..]);
        var (again, second) = await app.ImportFileAsync(trashed, uploads: null);
        again.ShouldBe(0, second);
        second.ShouldContain("taken down     1   skipped     0");
        (await app.WithDbAsync(db => db.Pages.SingleAsync())).Status.ShouldBe(PageStatus.Draft);
        await app.ContentChangedAsync();
        (await app.GetPageAsync("/pages/about")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
