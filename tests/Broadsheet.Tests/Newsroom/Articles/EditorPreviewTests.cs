using Broadsheet.Articles;
using Broadsheet.Newsroom;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Articles;

/// <summary>The editor's preview: the whole story (section, headline, standfirst, picture, body) in the reader page's markup.</summary>
[Trait("Category", "Integration")]
public sealed class EditorPreviewTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    private Task<Broadsheet.Newsroom.MediaImage> PictureAsync() => app.WithDbAsync(async db =>
    {
        var m = db.MediaImages.Add(new Broadsheet.Newsroom.MediaImage { Stem = Guid.NewGuid().ToString("N"), Extension = "jpg", Width = 1600, Height = 900, UploadedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return m;
    });

    [Fact]
    public async Task The_live_preview_shows_the_headline_standfirst_picture_and_body_as_the_reader_page_does()
    {
        var section = await app.CategoryAsync();
        var picture = await PictureAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var (_, page) = await author.GetPageAsync(DeskSession.New);
        var values = DeskSession.FormValues(page);
        values["Input.Title"] = "Harbour wall gives way";
        values["Input.Standfirst"] = "Storm surge floods the quay overnight.";
        values["Input.CategoryId"] = section.Id.ToString();
        values["Input.Image"] = picture.FileName;
        values["Input.ImageAlt"] = "Waves over the quay";
        values["Input.ImageCaption"] = "The quay at first light";
        values["Input.Body"] = "## What happened\n\nThe wall *cracked* at two.";

        var (response, preview) = await author.PostAsync("/newsroom/articles/preview", values, htmx: true);

        ((int)response.StatusCode).ShouldBe(200);
        preview.QuerySelector(".story-header .kicker")!.TextContent.Trim().ShouldBe(section.Name);
        preview.QuerySelector(".story-header .story-headline")!.TextContent.Trim().ShouldBe("Harbour wall gives way");
        preview.QuerySelector(".story-header .standfirst")!.TextContent.Trim().ShouldBe("Storm surge floods the quay overnight.");
        var img = preview.QuerySelector("figure.story-image img")!;
        (img.GetAttribute("src"), img.GetAttribute("alt"), img.GetAttribute("width"), img.GetAttribute("height")).ShouldBe(($"/media/{picture.FileName}", "Waves over the quay", "1600", "900"));
        preview.QuerySelector("figure.story-image figcaption")!.TextContent.Trim().ShouldBe("The quay at first light");
        preview.QuerySelector(".story-body")!.InnerHtml.Trim().ShouldBe(ArticleBody.ToSafeHtml(values["Input.Body"]).Trim());

        // A name the server does not know is never put in an img tag.
        values["Input.Image"] = "../../etc/passwd";
        var (_, unknown) = await author.PostAsync("/newsroom/articles/preview", values, htmx: true);
        unknown.QuerySelector("figure.story-image").ShouldBeNull();
        unknown.QuerySelector(".story-headline")!.TextContent.Trim().ShouldBe("Harbour wall gives way");
    }

    [Fact]
    public async Task The_preview_button_shows_the_form_as_typed_beside_it_without_javascript_and_saves_nothing()
    {
        var section = await app.CategoryAsync();
        var (author, _) = await app.SignedInReaderAsync(Roles.Author);
        using var _ = author;
        var id = await author.WriteAsync(section, TestNewsroom.Unique("Ferry timetable"), "The old timetable.");
        var before = await app.StoredAsync(id);
        var revisions = await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

        var (response, page) = await author.ActAsync(DeskSession.Edit(id), "Preview", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Ferry timetable changes in May",
            ["Input.Standfirst"] = "Two sailings a day are cut.",
            ["Input.Body"] = "The *new* timetable.",
        });

        ((int)response.StatusCode).ShouldBe(200);
        page.QuerySelector("#live-preview .story-headline")!.TextContent.Trim().ShouldBe("Ferry timetable changes in May");
        page.QuerySelector("#live-preview .standfirst")!.TextContent.Trim().ShouldBe("Two sailings a day are cut.");
        page.QuerySelector("#live-preview .story-body em")!.TextContent.ShouldBe("new");
        page.QuerySelector("#title")!.GetAttribute("value").ShouldBe("Ferry timetable changes in May");
        var after = await app.StoredAsync(id);
        (after.Title, after.BodyMarkdown, after.UpdatedAt).ShouldBe((before.Title, before.BodyMarkdown, before.UpdatedAt));
        (await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id))).ShouldBe(revisions);
    }
}
