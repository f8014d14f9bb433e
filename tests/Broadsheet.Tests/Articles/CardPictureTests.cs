using AngleSharp.Dom;
using Broadsheet.Articles;
using Broadsheet.Tests.Fixtures;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// Pictures wherever a story is listed: the front page's lead, cards on the home page, section
/// pages and search, and the header overlay's matches. Each comes with a srcset of the stored
/// copies and its size, so the layout does not shift; a story without a picture has no box at all.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CardPictureTests(BroadsheetApp app) : IClassFixture<BroadsheetApp>
{
    /// <summary>Articles.CardImage.AboveTheFold, written out so the test reads on its own.</summary>
    private const int AboveTheFold = 4;

    /// <summary>A stored picture as the media library leaves it: the full size plus the 320 and 640 copies.</summary>
    private async Task<string> PictureAsync()
    {
        var stem = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(app.MediaFolder);
        foreach (var name in new[] { $"{stem}.jpg", $"{stem}-320.jpg", $"{stem}-640.jpg" })
            await File.WriteAllBytesAsync(Path.Combine(app.MediaFolder, name), TestPicture.Jpeg(32, 18));
        return $"{stem}.jpg";
    }

    private static void WithPicture(Article a, string picture)
    {
        (a.ImagePath, a.ImageAlt, a.ImageCaption, a.ImageWidth, a.ImageHeight) = (picture, "Boats in the harbour", "The harbour at dawn.", 1700, 900);
    }

    private static void ShouldShowPicture(IElement? img, string picture, string loading)
    {
        img.ShouldNotBeNull();
        var stem = Path.GetFileNameWithoutExtension(picture);
        img.GetAttribute("src").ShouldBe($"/media/{picture}");
        img.GetAttribute("srcset").ShouldBe($"/media/{stem}-320.jpg 320w, /media/{stem}-640.jpg 640w, /media/{picture} 1700w");
        img.GetAttribute("sizes").ShouldNotBeNullOrEmpty();
        (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("loading")).ShouldBe(("1700", "900", loading));
    }

    private static IElement CardOf(IDocument page, string scope, Article story) =>
        page.QuerySelectorAll($"{scope} .card").Single(c => c.QuerySelector(".card-title a")!.TextContent == story.Title);

    [Fact]
    public async Task The_lead_story_and_section_cards_on_the_home_page_show_their_pictures_and_a_story_without_one_shows_no_box()
    {
        var section = await app.CategoryAsync();
        var plain = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-30), section);
        var picture = await PictureAsync();
        var lead = await app.ArticleAsync(a => { WithPicture(a, picture); a.PublishedAt = DateTime.UtcNow.AddSeconds(-1); }, section);

        var (_, home) = await app.GetPageAsync("/");

        home.QuerySelector(".lead-title a")!.GetAttribute("href").ShouldBe($"/articles/{lead.Slug}");
        // The lead is the first thing a reader sees: never lazy, fetched first.
        var leadImage = home.QuerySelector(".lead img.lead-image");
        ShouldShowPicture(leadImage, picture, "eager");
        leadImage!.GetAttribute("fetchpriority").ShouldBe("high");
        var scope = $"section[aria-labelledby='section-{section.Slug}']";
        ShouldShowPicture(CardOf(home, scope, lead).QuerySelector("img.card-image"), picture, "lazy");
        CardOf(home, scope, plain).QuerySelector("img, figure, .card-image").ShouldBeNull();
    }

    [Fact]
    public async Task A_section_page_shows_thumbnails_eagerly_above_the_fold_and_lazily_below_it()
    {
        var section = await app.CategoryAsync();
        var picture = await PictureAsync();
        var stories = new List<Article>();
        // Newest first: the first CardImage.AboveTheFold cards are eager, the next one lazy, and one without a picture last.
        var plain = await app.ArticleAsync(a => a.PublishedAt = DateTime.UtcNow.AddHours(-10), section);
        for (var i = 0; i <= AboveTheFold; i++)
            stories.Add(await app.ArticleAsync(a => { WithPicture(a, picture); a.PublishedAt = DateTime.UtcNow.AddHours(-1 - i); }, section));

        var (_, page) = await app.GetPageAsync($"/category/{section.Slug}");

        for (var i = 0; i < stories.Count; i++)
            ShouldShowPicture(CardOf(page, ".feed", stories[i]).QuerySelector("img.card-image"), picture, i < AboveTheFold ? "eager" : "lazy");
        CardOf(page, ".feed", plain).QuerySelector("img, figure, .card-image").ShouldBeNull();
    }

    [Fact]
    public async Task Search_results_and_the_overlay_show_a_thumbnail_for_a_story_with_a_picture_only()
    {
        var w = TestNewsroom.Word();
        var picture = await PictureAsync();
        var pictured = await app.ArticleAsync(a => { a.Title = $"Ferry {w} timetable"; WithPicture(a, picture); });
        var plain = await app.ArticleAsync(a => { a.Title = $"Ferry {w} fares"; a.PublishedAt = DateTime.UtcNow.AddDays(-3); });

        var (_, results) = await app.GetPageAsync($"/search?q={w}");

        ShouldShowPicture(CardOf(results, ".search-results", pictured).QuerySelector("img.card-image"), picture, "eager");
        CardOf(results, ".search-results", plain).QuerySelector("img, figure, .card-image").ShouldBeNull();

        var (_, overlay) = await app.GetPageAsync($"/search/suggest?q={w}");
        var matches = overlay.QuerySelectorAll(".suggestions a");
        var withPicture = matches.Single(a => a.GetAttribute("href") == $"/articles/{pictured.Slug}").QuerySelector("img.suggest-image");
        ShouldShowPicture(withPicture, picture, "lazy");
        withPicture!.GetAttribute("alt").ShouldBe("");
        matches.Single(a => a.GetAttribute("href") == $"/articles/{plain.Slug}").QuerySelector("img").ShouldBeNull();
    }
}
