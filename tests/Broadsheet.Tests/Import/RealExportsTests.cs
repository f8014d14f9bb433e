using Broadsheet.Articles;
using Broadsheet.Comments;
using Broadsheet.Import;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace Broadsheet.Tests.Import;

/// <summary>
/// Exports written by WordPress itself (see Exports/README.md), imported unedited, each into a
/// site of its own. Before these, every real export we tried was refused.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(115)]
public sealed class RealExportsTests
{
    private static string Export(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Exports", name);

    [Theory]
    [InlineData("wxr-1.0-wordpress-3.0.xml", 3, "hello-world")]
    [InlineData("wxr-1.1-wordpress-3.1.xml", 1, "hello-world")]
    [InlineData("wxr-1.2-wordpress-6.5.xml", 1, "hello-world")]
    public async Task An_export_from_WordPress_3_0_3_1_or_6_5_imports_as_it_is(string file, int posts, string slug)
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();

        var (code, output) = await app.ImportFileAsync(Export(file), uploads: null);

        code.ShouldBe(0, output);
        output.ShouldContain($"posts       created {posts,5}");
        var story = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == slug));
        story.Status.ShouldBe(ArticleStatus.Published);
        story.BodyText.ShouldNotBeEmpty();
        await app.ContentChangedAsync();
        var (response, _) = await app.GetPageAsync($"/articles/{slug}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_wordpress_com_export_with_an_https_namespace_and_no_author_ids_imports_with_its_pictures_captions_and_embeds()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();
        // Its featured images live on files.wordpress.com; a copy of uploads keeps the year/month folders.
        var uploads = Path.Combine(app.Folder, "uploads");
        foreach (var picture in new[] { "2008/06/dsc20050102_192118_51.jpg", "2013/03/featured-image-horizontal.jpg",
            "2013/03/featured-image-vertical.jpg", "2010/08/triforce-wallpaper.jpg", "2013/03/soworthloving-wallpaper.jpg", "2008/06/img_8399.jpg" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(uploads, picture))!);
            await File.WriteAllBytesAsync(Path.Combine(uploads, picture), TestPicture.Jpeg(48, 32));
        }

        var (code, output) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads);

        code.ShouldBe(0, output);
        output.ShouldContain("posts       created    58");
        output.ShouldContain("images      created     6");
        (await app.WithDbAsync(db => db.Authors.Select(a => a.DisplayName).ToListAsync())).Count.ShouldBeGreaterThanOrEqualTo(2);
        var stories = await app.WithDbAsync(db => db.Articles.ToListAsync());
        stories.Count(a => a.ImagePath is not null).ShouldBe(6);

        // No shortcode is ever shown to readers as text.
        foreach (var story in stories)
            foreach (var raw in new[] { "[caption", "[gallery", "[audio", "[video", "[embed", "[/" })
                story.BodyHtml.ShouldNotContain(raw, Case.Insensitive, $"{story.Slug} shows {raw}");
        // [caption caption="..."] keeps its words.
        stories.ShouldContain(a => a.BodyHtml.Contains("<figcaption>Chunk of resinous blackboy husk"));
        // A URL alone on its line (oEmbed) becomes a link card: no iframe, no request to YouTube before a click.
        var youtube = stories.Single(a => a.Slug == "post-format-video-youtube");
        youtube.BodyHtml.ShouldContain("<a href=\"https://www.youtube.com/watch?v=SQEQr7c0-dw\">Video on YouTube: youtube.com/watch?v=SQEQr7c0-dw</a>");
        stories.Single(a => a.Slug == "media-twitter-embeds").BodyHtml.ShouldContain("Post on X: twitter.com/nacin/status/319508408669708289");
        stories.ShouldAllBe(a => !a.BodyHtml.Contains("<iframe"));

        // Warnings come grouped by kind, each kind naming its first few items.
        output.ShouldContain("sticky posts (1):");
        output.ShouldContain("post 1241 is sticky on WordPress");
        output.ShouldContain("dynamic blocks (");
        output.ShouldContain("galleries (");

        // A second run of the same file touches nothing.
        var (again, second) = await app.ImportFileAsync(Export("wxr-1.2-wordpress-com-https.xml"), uploads);
        again.ShouldBe(0, second);
        second.ShouldContain("posts       created     0   updated     0   unchanged    58");
        (await app.WithDbAsync(db => db.Articles.CountAsync())).ShouldBe(58);
    }

    [Fact]
    public async Task An_imported_wordpress_comment_keeps_its_author_and_its_words()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();

        var (code, output) = await app.ImportFileAsync(Export("wxr-1.1-wordpress-3.1.xml"), uploads: null);

        code.ShouldBe(0, output);
        var comment = await app.WithDbAsync(db => db.Comments.SingleAsync());
        (comment.GuestName, comment.Status).ShouldBe(("Mr WordPress", CommentStatus.Visible));
        comment.BodyHtml.ShouldContain("Hi, this is a comment.");
        comment.BodyHtml.ShouldContain("view the post's comments");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "johndoe@example.org"))).ShouldBeTrue();
    }

    [Fact]
    public void A_dtd_is_refused_with_the_line_it_is_on()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dtd-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, "<?xml version=\"1.0\"?>\n<!-- an export with a DTD -->\n<!DOCTYPE rss [ <!ENTITY a \"aaaa\"> ]>\n<rss version=\"2.0\"><channel/></rss>\n");
        try
        {
            var refused = Should.Throw<WxrException>(() => WxrFile.Load(file));
            refused.Message.ShouldContain("line 3, column 1");
            refused.Message.ShouldContain("DTD");
        }
        finally { File.Delete(file); }
    }
}
