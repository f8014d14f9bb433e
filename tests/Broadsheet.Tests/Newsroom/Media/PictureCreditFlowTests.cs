using System.Text.Json;
using System.Xml.Linq;
using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Newsroom;
using Broadsheet.Data.Identity;
using Broadsheet.Tests.Api;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Tests.Newsroom.Articles;
using Broadsheet.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Broadsheet.Tests.Newsroom.Media;

/// <summary>
/// Issue 24, item 4: a picture's credit and licence, given at upload or on the picture's edit page,
/// reach the story under its caption, its JSON-LD ImageObject, the feeds' Media RSS and the Content API.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PictureCreditFlowTests(MediaApp app) : IClassFixture<MediaApp>
{
    private static readonly XNamespace Mrss = "http://search.yahoo.com/mrss/";
    private const string Cc = "https://creativecommons.org/licenses/by/4.0/";

    [Fact]
    public async Task A_credit_given_at_upload_shows_under_the_caption_and_in_json_ld_feeds_and_the_api()
    {
        var (author, user) = await app.SignedInReaderAsync(Roles.Author);
        using var signedIn = author;
        var alt = TestNewsroom.Unique("Ferry at the quay");
        var (uploaded, _) = await app.UploadAsync(author, "ferry.jpg", Samples.Encode(700, 400, SKEncodedImageFormat.Jpeg), alt,
            credit: " Jane Doe/Reuters ", licence: Cc);
        ((int)uploaded.StatusCode).ShouldBe(302);
        var row = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().SingleAsync(m => m.Alt == alt));
        (row.Credit, row.Licence).ShouldBe(("Jane Doe/Reuters", Cc));

        // The editor copies the library's credit onto the story when the picture is chosen.
        var section = await app.CategoryAsync();
        var id = await author.WriteAsync(section, TestNewsroom.Unique("Ferry returns"), more: new Dictionary<string, string?>
        {
            ["Input.Image"] = row.FileName, ["Input.ImageAlt"] = alt, ["Input.ImageCaption"] = "The ferry at the quay",
        });
        var article = await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.Include(x => x.Author).SingleAsync(x => x.Id == id);
            (a.Status, a.PublishedAt) = (ArticleStatus.Published, DateTime.UtcNow.AddMinutes(-5));
            await db.SaveChangesAsync();
            return a;
        });
        (article.ImageCredit, article.ImageLicence).ShouldBe(("Jane Doe/Reuters", Cc));
        await app.ContentChangedAsync();

        var (_, story) = await app.GetPageAsync($"/articles/{article.Slug}");
        var caption = story.QuerySelector("figure.story-image figcaption")!;
        caption.TextContent.Trim().ShouldBe("The ferry at the quay Photo: Jane Doe/Reuters (licence)");
        caption.QuerySelector("small.credit a[rel=license]")!.GetAttribute("href").ShouldBe(Cc);

        var image = story.JsonLd()["NewsArticle"].GetProperty("image");
        image.Str("creditText").ShouldBe("Jane Doe/Reuters");
        image.Str("copyrightHolder", "@type").ShouldBe("Organization");
        image.Str("copyrightHolder", "name").ShouldBe("Reuters");
        image.Str("license").ShouldBe(Cc);

        using var client = app.Client();
        var rss = XDocument.Parse(await client.GetStringAsync($"/author/{article.Author.Slug}/feed"));
        var content = rss.Descendants("item").Single().Element(Mrss + "content")!;
        (content.Attribute("medium")!.Value, content.Attribute("url")!.Value).ShouldBe(("image", $"{app.Address.ToString().TrimEnd('/')}/media/{row.FileName}"));
        content.Element(Mrss + "credit")!.Value.ShouldBe("Jane Doe/Reuters");
        content.Element(Mrss + "credit")!.Attribute("role")!.Value.ShouldBe("distributor");
        content.Element(Mrss + "license")!.Attribute("href")!.Value.ShouldBe(Cc);
        content.Element(Mrss + "description")!.Value.ShouldBe("The ferry at the quay");
        var atom = XDocument.Parse(await client.GetStringAsync($"/author/{article.Author.Slug}/feed/atom"));
        atom.Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom")).Single()
            .Element(Mrss + "content")!.Element(Mrss + "credit")!.Value.ShouldBe("Jane Doe/Reuters");

        using var api = app.KeyedClient(await app.ApiKeyAsync());
        var (answer, json) = await api.GetJsonAsync($"/api/v1/articles/{article.Slug}");
        ((int)answer.StatusCode).ShouldBe(200);
        var picture = json.GetProperty("article").GetProperty("image");
        (picture.GetProperty("credit").GetString(), picture.GetProperty("licence").GetString()).ShouldBe(("Jane Doe/Reuters", Cc));
    }

    [Fact]
    public async Task Editing_a_credit_changes_every_story_showing_the_picture_and_is_audited()
    {
        var (author, user) = await app.SignedInReaderAsync(Roles.Author);
        using var signedIn = author;
        var alt = TestNewsroom.Unique("Harbour wall");
        await app.UploadAsync(author, "wall.jpg", Samples.Encode(600, 400, SKEncodedImageFormat.Jpeg), alt);
        var row = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().SingleAsync(m => m.Alt == alt));
        row.Credit.ShouldBe("");
        var shape = (Article a) => { (a.ImagePath, a.ImageAlt, a.ImageWidth, a.ImageHeight) = (row.FileName, alt, 600, 400); };
        var first = await app.ArticleAsync(shape);
        var second = await app.ArticleAsync(shape);
        var other = await app.ArticleAsync(a => a.ImageCredit = "Someone else");
        var (_, before) = await app.GetPageAsync($"/articles/{first.Slug}");
        before.QuerySelector("figure.story-image figcaption").ShouldBeNull(); // no caption, no credit: no empty box

        var (saved, _) = await author.SubmitAsync($"/newsroom/media/{row.Id}/edit", $"/newsroom/media/{row.Id}/edit",
            new Dictionary<string, string> { ["credit"] = "Harbour Trust", ["licence"] = "Single use, web only" });

        ((int)saved.StatusCode).ShouldBe(302);
        var credits = await app.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Id == first.Id || a.Id == second.Id || a.Id == other.Id)
            .OrderBy(a => a.Id).Select(a => a.ImageCredit + "|" + a.ImageLicence).ToListAsync());
        credits.ShouldBe(["Harbour Trust|Single use, web only", "Harbour Trust|Single use, web only", "Someone else|"]);
        var entry = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == "media.credit" && e.TargetId == row.Id.ToString()));
        entry.ActorUserId.ShouldBe(user.Id);
        entry.Detail.ShouldContain("\"\" → \"Harbour Trust\"");

        // The cached story follows at once; a note that is not a link stays in the newsroom.
        var (_, after) = await app.GetPageAsync($"/articles/{second.Slug}");
        after.QuerySelector("figure.story-image figcaption small.credit")!.TextContent.ShouldBe("Photo: Harbour Trust");
        after.QuerySelector("figure.story-image a[rel=license]").ShouldBeNull();
        var image = after.JsonLd()["NewsArticle"].GetProperty("image");
        image.Str("copyrightHolder", "@type").ShouldBe("Organization");
        image.TryGetProperty("license", out JsonElement _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_editor_preview_shows_the_library_credit_under_the_caption()
    {
        var picture = await app.WithDbAsync(async db =>
        {
            var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 800, Height = 450, UploadedAt = DateTime.UtcNow, Credit = "Jane Doe" }).Entity;
            await db.SaveChangesAsync();
            return m;
        });
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var signedIn = author;
        var (_, page) = await author.GetPageAsync(DeskSession.New);
        var values = DeskSession.FormValues(page);
        (values["Input.Title"], values["Input.Image"], values["Input.ImageAlt"], values["Input.ImageCaption"]) = ("Quay", picture.FileName, "The quay", "");

        var (response, preview) = await author.PostAsync("/newsroom/articles/preview", values, htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        preview.QuerySelector("figure.story-image figcaption small.credit")!.TextContent.ShouldBe("Photo: Jane Doe");
    }

    [Theory]
    [InlineData(201, 0)]
    [InlineData(0, 301)]
    public async Task An_overlong_credit_or_licence_is_refused_with_422_and_nothing_changes(int creditLength, int licenceLength)
    {
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var signedIn = author;
        var alt = TestNewsroom.Unique("Too long");
        var (refused, page) = await app.UploadAsync(author, "long.jpg", Samples.Encode(300, 200, SKEncodedImageFormat.Jpeg), alt,
            credit: new string('c', creditLength), licence: new string('l', licenceLength));
        ((int)refused.StatusCode).ShouldBe(422);
        page.QuerySelector("#upload-error")!.TextContent.ShouldContain("Keep the credit to 200 characters");
        (await app.WithDbAsync(db => db.MediaImages.AnyAsync(m => m.Alt == alt))).ShouldBeFalse();

        var existing = await app.WithDbAsync(async db =>
        {
            var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 10, Height = 10, UploadedAt = DateTime.UtcNow, Credit = "Kept" }).Entity;
            await db.SaveChangesAsync();
            return m;
        });
        var (edit, _) = await author.SubmitAsync($"/newsroom/media/{existing.Id}/edit", $"/newsroom/media/{existing.Id}/edit",
            new Dictionary<string, string> { ["credit"] = new string('c', creditLength), ["licence"] = new string('l', licenceLength) });
        ((int)edit.StatusCode).ShouldBe(422);
        (await app.WithDbAsync(db => db.MediaImages.Where(m => m.Id == existing.Id).Select(m => m.Credit).SingleAsync())).ShouldBe("Kept");
        (await app.Client().GetAsync("/newsroom/media/999999/edit")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect); // signed out: sign in first
        ((int)(await author.GetPageAsync("/newsroom/media/999999/edit")).Response.StatusCode).ShouldBe(404);
    }
}
