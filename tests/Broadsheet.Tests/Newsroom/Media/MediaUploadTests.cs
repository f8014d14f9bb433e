using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Media;

[Trait("Category", "Integration")]
public sealed class MediaUploadTests(MediaApp app) : IClassFixture<MediaApp>
{
    private async Task<ReaderSession> AuthorAsync() => (await app.SignedInReaderAsync(Roles.Author)).Reader;

    private Task<Broadsheet.Newsroom.MediaImage> RowAsync(string alt) =>
        app.WithDbAsync(db => db.MediaImages.AsNoTracking().SingleAsync(m => m.Alt == alt));

    [Fact]
    public async Task A_jpeg_with_gps_is_stored_without_exif_in_every_width_and_the_story_offers_them_in_srcset()
    {
        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique("Harbour at dawn");
        var original = Samples.JpegWithGps(1700, 900);
        original.AsSpan().IndexOf("GPSLatitude"u8).ShouldBeGreaterThan(0);

        var (response, _) = await app.UploadAsync(author, "harbour.jpg", original, alt, "/newsroom/media?returnUrl=%2Fnewsroom%2Farticles%2F7%2Fedit");
        ((int)response.StatusCode).ShouldBe(302);
        response.Headers.Location!.OriginalString.ShouldBe("/newsroom/articles/7/edit");

        var row = await RowAsync(alt);
        (row.Extension, row.Width, row.Height, row.VariantWidths).ShouldBe(("jpg", 1700, 900, "320,640,1024,1600"));
        row.Stem.Length.ShouldBeGreaterThanOrEqualTo(22);
        foreach (var (name, width) in new[] { (row.FileName, 1700), ($"{row.Stem}-320.jpg", 320), ($"{row.Stem}-640.jpg", 640), ($"{row.Stem}-1024.jpg", 1024), ($"{row.Stem}-1600.jpg", 1600) })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(app.MediaFolder, name));
            using var codec = SKCodec.Create(new SKMemoryStream(bytes));
            (codec.EncodedFormat, codec.Info.Width).ShouldBe((SKEncodedImageFormat.Jpeg, width));
            bytes.AsSpan().IndexOf("Exif"u8).ShouldBe(-1, name);
            bytes.AsSpan().IndexOf("GPS"u8).ShouldBe(-1, name);
        }
        (await File.ReadAllBytesAsync(Path.Combine(app.MediaFolder, row.FileName))).LongLength.ShouldBe(row.Bytes);

        var section = await app.CategoryAsync();
        var article = await app.ArticleAsync(a => { a.ImagePath = row.FileName; a.ImageAlt = alt; a.ImageWidth = row.Width; a.ImageHeight = row.Height; }, section);
        var (_, story) = await app.GetPageAsync($"/articles/{article.Slug}");
        var img = story.QuerySelector(".story-image img")!;
        img.GetAttribute("srcset").ShouldBe(string.Join(", ", new[] { 320, 640, 1024, 1600 }.Select(w => $"/media/{row.Stem}-{w}.jpg {w}w")) + $", /media/{row.FileName} 1700w");
        (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")).ShouldBe(("1700", "900", alt));
        img.GetAttribute("sizes").ShouldNotBeNullOrEmpty();

        var (_, category) = await app.GetPageAsync($"/category/{section.Slug}");
        category.QuerySelector(".card-image")!.GetAttribute("srcset")!.ShouldContain($"/media/{row.Stem}-320.jpg 320w");

        using var client = app.Client();
        var served = await client.GetAsync($"/media/{row.Stem}-640.jpg");
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        served.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    public static TheoryData<string, string, string, int> Formats => new()
    {
        { "png", "graphic.png", "png", 700 },
        { "webp", "photo.webp", "webp", 700 },
        { "gif", "dot.gif", "png", 1 }, // a GIF is kept as a PNG still of its first frame
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Png_webp_and_gif_uploads_decode_as_what_the_library_says(string kind, string fileName, string storedAs, int width)
    {
        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique($"Upload {kind}");
        var bytes = kind switch
        {
            "png" => Samples.Encode(700, 400, SKEncodedImageFormat.Png, transparent: true),
            "webp" => Samples.Encode(700, 400, SKEncodedImageFormat.Webp),
            _ => Samples.Gif(),
        };
        var (response, _) = await app.UploadAsync(author, fileName, bytes, alt);
        ((int)response.StatusCode).ShouldBe(302);

        var row = await RowAsync(alt);
        (row.Extension, row.Width).ShouldBe((storedAs, width));
        row.VariantWidths.ShouldBe(width > 640 ? "320,640" : "");
        using var client = app.Client();
        foreach (var name in new[] { row.FileName }.Concat(row.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => $"{row.Stem}-{w}.{storedAs}")))
        {
            var served = await client.GetAsync($"/media/{name}");
            served.Content.Headers.ContentType!.MediaType.ShouldBe($"image/{storedAs}");
            using var codec = SKCodec.Create(new SKMemoryStream(await served.Content.ReadAsByteArrayAsync()));
            codec.ShouldNotBeNull(name);
        }

        var (_, library) = await author.GetPageAsync("/newsroom/media");
        var item = library.QuerySelector($"#media-{row.Id}")!;
        item.TextContent.ShouldContain(alt);
        item.TextContent.ShouldContain($"{row.Width}×{row.Height}");
        item.QuerySelector("img")!.GetAttribute("src").ShouldBe($"/media/{row.FileName}");
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "svg", "drawing.png", "is an SVG drawing" },
        { "html", "photo.jpg", "is not a JPEG, PNG, WebP or GIF picture" },
        { "zip", "graphic.png", "with something else inside or after it" },
        { "bomb", "huge.png", "100000×100000 pixels is more than 50 megapixels" },
        { "climb", "../x.jpg", "contains a folder path" },
        { "double", "a.php.jpg", "an extension that a server could run (.php)" },
        { "empty", "empty.jpg", "is empty (0 bytes)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_uploads_say_why_and_leave_no_file_or_row(string kind, string fileName, string message)
    {
        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique($"Refused {kind}");
        var bytes = kind switch
        {
            "svg" => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>"u8.ToArray(),
            "html" => "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(),
            "zip" => Samples.PngWithZip(),
            "bomb" => Samples.PngBomb(),
            "empty" => [],
            _ => Samples.Encode(50, 40, SKEncodedImageFormat.Jpeg),
        };
        var before = app.MediaFiles();

        var (response, page) = await app.UploadAsync(author, fileName, bytes, alt);

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector("#upload-error")!.TextContent.ShouldContain(message);
        page.QuerySelector("#media-alt")!.GetAttribute("value").ShouldBe(alt); // kept for the next try
        app.MediaFiles().ShouldBe(before, ignoreOrder: true);
        (await app.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Alt == alt))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        using var author = await AuthorAsync();
        var before = app.MediaFiles();
        var (response, page) = await app.UploadAsync(author, "big.jpg", new byte[MediaApp.Limit + 100_000]);
        ((int)response.StatusCode).ShouldBe(413);
        page.QuerySelector(".form-error")!.TextContent.ShouldContain("larger than 0.2 MB, the largest upload allowed");
        page.QuerySelector("a[href='/newsroom/media']").ShouldNotBeNull();
        app.MediaFiles().ShouldBe(before, ignoreOrder: true);
    }

    [Fact]
    public async Task With_htmx_an_upload_swaps_the_library_in_place_and_a_refusal_shows_inline()
    {
        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique("Inline");
        var (refused, fragment) = await app.UploadAsync(author, "note.jpg", "just text"u8.ToArray(), alt, htmx: true);
        ((int)refused.StatusCode).ShouldBe(422);
        fragment.QuerySelector("html > body > section#media-library").ShouldNotBeNull();
        fragment.QuerySelector("header, footer").ShouldBeNull(); // a fragment, not a page
        fragment.QuerySelector("#upload-error")!.TextContent.ShouldContain("is not a JPEG, PNG, WebP or GIF picture");

        var (uploaded, library) = await app.UploadAsync(author, "ok.jpg", Samples.Encode(60, 40, SKEncodedImageFormat.Jpeg), alt, htmx: true);
        ((int)uploaded.StatusCode).ShouldBe(200);
        var row = await RowAsync(alt);
        library.QuerySelector($"#media-{row.Id}").ShouldNotBeNull();
        library.QuerySelector(".form-notice")!.TextContent.ShouldContain(row.FileName);
    }

    [Fact]
    public async Task Readers_and_visitors_cannot_upload_and_the_form_needs_its_token()
    {
        using var visitor = app.Reader();
        var anonymous = await visitor.Http.PostAsync("/newsroom/media", new MultipartFormDataContent { { new ByteArrayContent(Samples.Gif()), "file", "a.gif" } });
        ((int)anonymous.StatusCode).ShouldBe(302);
        anonymous.Headers.Location!.ToString().ShouldContain("/account/sign-in");

        var (reader, _) = await app.SignedInReaderAsync();
        using (reader)
        {
            var (page, _) = await reader.GetPageAsync("/newsroom/media");
            ((int)page.StatusCode).ShouldBe(403);
            var post = await reader.Http.PostAsync("/newsroom/media", new MultipartFormDataContent { { new ByteArrayContent(Samples.Gif()), "file", "a.gif" } });
            ((int)post.StatusCode).ShouldBe(403);
        }

        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique("No token");
        var (forged, _) = await app.UploadAsync(author, "a.gif", Samples.Gif(), alt, token: false);
        ((int)forged.StatusCode).ShouldBe(400);
        (await app.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Alt == alt))).ShouldBeFalse();
    }

    /// <summary>Posts the library's own Delete form for the picture, as a browser (or htmx) does.</summary>
    private static async Task<(HttpResponseMessage, AngleSharp.Dom.IDocument)> DeleteAsync(ReaderSession editor, int id, bool htmx = false)
    {
        var (_, library) = await editor.GetPageAsync("/newsroom/media");
        var form = library.QuerySelector($"#media-{id} form.media-delete")!;
        (form.GetAttribute("action"), form.GetAttribute("data-hx-post")).ShouldBe(($"/newsroom/media/{id}/delete", $"/newsroom/media/{id}/delete"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await editor.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string> { ["__RequestVerificationToken"] = token }, htmx);
    }

    [Fact]
    public async Task Editors_delete_only_pictures_no_article_shows_and_authors_cannot_delete()
    {
        using var author = await AuthorAsync();
        var (editor, _) = await app.SignedInReaderAsync(Roles.Editor);
        using var _e = editor;
        var usedAlt = TestNewsroom.Unique("Used");
        var freeAlt = TestNewsroom.Unique("Free");
        await app.UploadAsync(author, "used.jpg", Samples.Encode(700, 300, SKEncodedImageFormat.Jpeg), usedAlt);
        await app.UploadAsync(author, "free.jpg", Samples.Encode(700, 300, SKEncodedImageFormat.Jpeg), freeAlt);
        var (used, free) = (await RowAsync(usedAlt), await RowAsync(freeAlt));
        var article = await app.ArticleAsync(a => { a.ImagePath = used.FileName; a.ImageWidth = used.Width; a.ImageHeight = used.Height; });

        var (_, authorView) = await author.GetPageAsync("/newsroom/media");
        authorView.QuerySelector($"#media-{free.Id} form.media-delete").ShouldBeNull();
        var (authorDelete, _) = await author.PostAsync($"/newsroom/media/{free.Id}/delete",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = authorView.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! });
        ((int)authorDelete.StatusCode).ShouldBe(403);

        var (refused, page) = await DeleteAsync(editor, used.Id);
        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector("#upload-error")!.TextContent.ShouldContain($"\"{article.Title}\"");
        File.Exists(Path.Combine(app.MediaFolder, used.FileName)).ShouldBeTrue();
        var (refusedInline, fragment) = await DeleteAsync(editor, used.Id, htmx: true);
        ((int)refusedInline.StatusCode).ShouldBe(422);
        fragment.QuerySelector("#media-library #upload-error")!.TextContent.ShouldContain($"\"{article.Title}\"");
        fragment.QuerySelector("main").ShouldBeNull(); // the fragment for the swap, not the whole page

        // Only a POST deletes; the page has nothing else to answer with, and says so rather than failing.
        ((int)(await editor.GetPageAsync($"/newsroom/media/{free.Id}/delete")).Response.StatusCode).ShouldBe(405);

        var (deleted, _) = await DeleteAsync(editor, free.Id);
        ((int)deleted.StatusCode).ShouldBe(302);
        deleted.Headers.Location!.OriginalString.ShouldBe($"/newsroom/media?deleted=picture%20{free.Id}");
        app.MediaFiles().Where(f => f.StartsWith(free.Stem, StringComparison.Ordinal)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Id == free.Id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "media.delete" && e.TargetId == free.Id.ToString()))).ShouldBeTrue();
    }
}
