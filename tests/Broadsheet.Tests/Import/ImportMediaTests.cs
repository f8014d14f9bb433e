using Broadsheet.Articles;
using Broadsheet.Import;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Import;

/// <summary>
/// The old site's pictures come into the media library: inline &lt;img&gt; in bodies are copied,
/// not hotlinked, and attachment pages go to the file. WordPress.com's real export (Exports/README.md),
/// whose uploads live on files.wordpress.com, with a copy of uploads holding two of its pictures.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(75)]
public sealed class ImportMediaTests
{
    private static string Export(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Exports", name);

    private static async Task<string> RedirectOf(BroadsheetApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.MovedPermanently ? response.Headers.Location!.OriginalString : $"{(int)response.StatusCode}";
    }

    private static async Task<string> BodyOf(BroadsheetApp app, string wordpressId) =>
        await app.WithDbAsync(db => db.ImportedItems.Where(i => i.Kind == "post" && i.ExternalId == wordpressId)
            .Join(db.Articles, i => (int)i.LocalId, a => a.Id, (i, a) => a.BodyHtml).SingleAsync());

    [Fact]
    public async Task Inline_pictures_and_attachment_pages_use_the_media_library_copy_once_and_a_missing_file_keeps_its_link()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();
        var uploads = Path.Combine(app.Folder, "uploads");
        // Wide enough for the library to make smaller copies (320 and 640 pixels): the srcset.
        foreach (var picture in new[] { "2008/06/100_5540.jpg", "2013/09/dsc20040724_152504_532.jpg" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(uploads, picture))!);
            await File.WriteAllBytesAsync(Path.Combine(uploads, picture), TestPicture.Jpeg(800, 500));
        }

        var (code, output) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads);

        code.ShouldBe(0, output);
        output.ShouldContain("media       created     2");
        var library = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        library.Count.ShouldBe(2);
        library.ShouldAllBe(m => m.Width == 800 && m.VariantWidths == "320,640");
        var files = Directory.GetFiles(app.MediaFolder).Length;

        // Post 1158 shows 100_5540.jpg?w=604 from files.wordpress.com: now our copy, with the library's srcset.
        var image = await BodyOf(app, "1158");
        image.ShouldNotContain("files.wordpress.com/2008/06/100_5540");
        var copy = library.Single(m => image.Contains($"src=\"/media/{m.FileName}\""));
        image.ShouldContain($"/media/{copy.Stem}-320.jpg 320w");
        (await app.GetPageAsync($"/media/{copy.FileName}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Post 21 shows the same picture (one row for both) and others that are not in the uploads copy: those stay links, with a warning.
        var blocks = await BodyOf(app, "21");
        blocks.ShouldContain($"src=\"/media/{copy.FileName}\"");
        blocks.ShouldContain("https://wpthemetestdata.files.wordpress.com/2008/06/img_0767.jpg");
        output.ShouldContain("inline pictures (");
        output.ShouldContain("img_0767.jpg kept as a link to the old site");

        // Attachment pages: the file itself when it came across (attached to the gallery, or unattached), else the post.
        (await RedirectOf(app, "/2010/09/10/post-format-gallery/100_5540/")).ShouldBe($"/media/{copy.FileName}");
        (await RedirectOf(app, "/?attachment_id=755")).ShouldBe($"/media/{copy.FileName}");
        var unattached = library.Single(m => m.Id != copy.Id);
        (await RedirectOf(app, "/?attachment_id=1686")).ShouldBe($"/media/{unattached.FileName}");
        var gallery = await app.WithDbAsync(db => db.ImportedItems.Where(i => i.Kind == "post" && i.ExternalId == "555")
            .Join(db.Articles, i => (int)i.LocalId, a => a.Id, (i, a) => a.Slug).SingleAsync());
        (await RedirectOf(app, "/?attachment_id=611")).ShouldBe($"/articles/{gallery}"); // canola2.jpg is not in the copy

        // A re-run that rewrites every post again reuses the rows: no second row, no second file.
        await app.WithDbAsync(async db =>
        {
            await db.ImportedItems.Where(i => i.Kind == "post").ExecuteUpdateAsync(s => s.SetProperty(i => i.Fingerprint, (string?)null));
        });
        var (again, second) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads);
        again.ShouldBe(0, second);
        second.ShouldContain("posts       created     0   updated    58");
        second.ShouldContain("media       created     0");
        (await app.WithDbAsync(db => db.MediaImages.CountAsync())).ShouldBe(2);
        Directory.GetFiles(app.MediaFolder).Length.ShouldBe(files);
        (await BodyOf(app, "1158")).ShouldContain($"src=\"/media/{copy.FileName}\"");
    }
}
