using Broadsheet.Articles;
using Broadsheet.Import;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Import;

/// <summary>
/// Issue 24, item 4: pictures the import brings into the media library (shown in a body, or an
/// attachment of their own) take the same credit rule as featured pictures
/// (Media/PictureCredit.FromWordPress, docs/import.md "Credits"), so a picture reused from the
/// library later carries its credit onto the story. An export of our own words.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ImportPictureCreditsTests
{
    private const string Site = "https://skarvposten.example";

    private static string Attachment(string id, string file, string caption, string description) => $"""
	<item>
		<title><![CDATA[{file}]]></title>
		<link>{Site}/?attachment_id={id}</link>
		<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
		<content:encoded><![CDATA[{description}]]></content:encoded>
		<wp:post_id>{id}</wp:post_id>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:attachment_url><![CDATA[{Site}/wp-content/uploads/2025/03/{file}]]></wp:attachment_url>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Alt of {file}]]></wp:meta_value></wp:postmeta>
	</item>
""";

    private static readonly string Xml = $"""
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Skarvposten</title>
	<link>{Site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{Site}</wp:base_site_url>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[eli]]></wp:author_login><wp:author_display_name><![CDATA[Eli Strand]]></wp:author_display_name></wp:author>
{Attachment("501", "nets.jpg", "Nets drying on the slipway | Photo: Ines Moreau/Harbour Press Agency", "")}
{Attachment("502", "lighthouse.jpg", "The lighthouse at Skarv Point", "Public domain via https://www.coastarchive.example/skarv/112")}
{Attachment("503", "quay.jpg", "The quay in March", "Taken from the ferry.\nPhoto credit: Jon Aas")}
{Attachment("504", "buoy.jpg", "A buoy off the point", "")}
	<item>
		<title><![CDATA[Herring back in the fjord]]></title>
		<link>{Site}/2025/03/herring-back/</link>
		<dc:creator><![CDATA[eli]]></dc:creator>
		<content:encoded><![CDATA[The first shoal in six winters came in on Sunday.

[caption id="attachment_501" align="alignnone" width="300"]<img class="wp-image-501 size-medium" src="{Site}/wp-content/uploads/2025/03/nets-300x188.jpg" alt="Nets on the slipway" width="300" height="188" /> Nets drying on the slipway[/caption]

<img class="wp-image-503" src="{Site}/wp-content/uploads/2025/03/quay.jpg" alt="The quay" />

<img class="wp-image-504" src="{Site}/wp-content/uploads/2025/03/buoy.jpg" alt="A buoy" />]]></content:encoded>
		<wp:post_id>601</wp:post_id>
		<wp:post_date_gmt><![CDATA[2025-03-09 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[herring-back]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[503]]></wp:meta_value></wp:postmeta>
	</item>
</channel>
</rss>
""";

    [Fact]
    public async Task Pictures_brought_into_the_media_library_take_the_featured_pictures_credit_rule()
    {
        await using var app = new BroadsheetApp();
        await app.InitializeAsync();
        var uploads = Path.Combine(app.Folder, "uploads");
        Directory.CreateDirectory(Path.Combine(uploads, "2025", "03"));
        foreach (var name in new[] { "nets.jpg", "lighthouse.jpg", "quay.jpg", "buoy.jpg" })
            await File.WriteAllBytesAsync(Path.Combine(uploads, "2025", "03", name), TestPicture.Jpeg(800, 500));
        var export = Path.Combine(app.Folder, "skarvposten.xml");
        await File.WriteAllTextAsync(export, Xml);

        var (code, output) = await app.ImportFileAsync(export, uploads);

        code.ShouldBe(0, output);
        var library = await app.WithDbAsync(db => db.ImportedItems.Where(i => i.Kind == "media")
            .Join(db.MediaImages, i => (int)i.LocalId, m => m.Id, (i, m) => new { i.ExternalId, m.Credit, m.Licence, m.Alt })
            .ToDictionaryAsync(r => r.ExternalId));
        library.Keys.Order().ShouldBe(["2025/03/buoy.jpg", "2025/03/lighthouse.jpg", "2025/03/nets.jpg", "2025/03/quay.jpg"]);
        // A body's resized copy finds its attachment by the full-size file: the caption's trailing credit line.
        library["2025/03/nets.jpg"].Credit.ShouldBe("Ines Moreau/Harbour Press Agency");
        library["2025/03/nets.jpg"].Licence.ShouldBe("");
        // An attachment no post shows: "{licence} via {link}" in the description.
        library["2025/03/lighthouse.jpg"].Credit.ShouldBe("coastarchive.example");
        library["2025/03/lighthouse.jpg"].Licence.ShouldBe("Public domain via https://www.coastarchive.example/skarv/112");
        // A credit line in the description; the same file as the featured picture gets the same credit on the story.
        library["2025/03/quay.jpg"].Credit.ShouldBe("Jon Aas");
        var story = await app.WithDbAsync(db => db.Articles.Where(a => a.Slug == "herring-back")
            .Select(a => new { a.ImageCredit, a.ImageCaption, a.BodyHtml }).SingleAsync());
        story.ImageCredit.ShouldBe("Jon Aas");
        story.ImageCaption.ShouldBe("The quay in March");
        // No credit words: nothing is invented. The body's alt stays in the body; the row takes the attachment's.
        library["2025/03/buoy.jpg"].Credit.ShouldBe("");
        library["2025/03/buoy.jpg"].Alt.ShouldBe("Alt of buoy.jpg");
        story.BodyHtml.ShouldNotContain($"{Site}/wp-content/uploads");
    }
}
