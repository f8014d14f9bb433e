using Broadsheet.Newsroom;
using System.Net;
using Broadsheet.Newsroom.Media;
using Broadsheet.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Broadsheet.Data.Identity;

namespace Broadsheet.Tests.Newsroom.Media;

/// <summary>
/// The shipped upload settings (10 MB, one picture prepared at a time, four waiting), except that a
/// queued upload may wait long enough for a loaded test machine.
/// </summary>
public sealed class LargeUploadApp : MediaApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Media:QueueSeconds", "600")];
}

[Trait("Category", "Integration")]
public sealed class LargeUploadTests(LargeUploadApp app) : IClassFixture<LargeUploadApp>
{
    // 7000 × 7000 in two flat colours: about 150 KB of PNG that inflates to 196 MB of pixels, as in the report.
    private static readonly Lazy<byte[]> Huge = new(() => Samples.Encode(7000, 7000, SKEncodedImageFormat.Png));

    private async Task<ReaderSession> AuthorAsync() => (await app.SignedInReaderAsync(Roles.Author)).Reader;

    private Task<Broadsheet.Newsroom.MediaImage?> RowAsync(string alt) =>
        app.WithDbAsync(db => db.MediaImages.AsNoTracking().SingleOrDefaultAsync(m => m.Alt == alt));

    [Fact]
    public async Task Large_pictures_uploaded_at_once_are_stored_scaled_to_the_cap_or_refused_as_busy_and_never_fail()
    {
        var bytes = Huge.Value;
        bytes.Length.ShouldBeLessThan(1_000_000);
        var uploads = Enumerable.Range(0, 3).Select(async i =>
        {
            using var author = await AuthorAsync();
            var alt = TestNewsroom.Unique($"Huge {i}");
            var (response, page) = await app.UploadAsync(author, $"huge-{i}.png", bytes, alt);
            return (Status: (int)response.StatusCode, Alt: alt, Page: page);
        }).ToList();

        foreach (var (status, alt, page) in await Task.WhenAll(uploads))
        {
            status.ShouldBeOneOf([302, 503], page.QuerySelector("#upload-error")?.TextContent);
            var row = await RowAsync(alt);
            if (status == 503)
            {
                page.QuerySelector("#upload-error")!.TextContent.ShouldContain("The server is busy preparing other pictures");
                row.ShouldBeNull();
                continue;
            }
            row.ShouldNotBeNull();
            (row.Extension, row.Width, row.Height, row.VariantWidths).ShouldBe(("png", 2560, 2560, "320,640,1024,1600"));
            foreach (var (name, width) in new[] { (row.FileName, 2560), ($"{row.Stem}-1600.png", 1600), ($"{row.Stem}-320.png", 320) })
            {
                using var codec = SKCodec.Create(Path.Combine(app.MediaFolder, name));
                (codec.Info.Width, codec.Info.Height).ShouldBe((width, width), name);
            }
            using var full = SKBitmap.Decode(Path.Combine(app.MediaFolder, row.FileName));
            full.GetPixel(100, 100).ShouldBe(SKColors.Orange); // the top-left quarter, still where it was
            full.GetPixel(2400, 2400).ShouldBe(new SKColor(0x3a, 0x6e, 0x8f));
        }
    }

    [Fact]
    public async Task While_every_turn_is_taken_four_uploads_wait_and_a_fifth_is_told_to_retry_with_nothing_stored()
    {
        var picture = Samples.Encode(3000, 2000, SKEncodedImageFormat.Jpeg);
        var alts = Enumerable.Range(0, 5).Select(i => TestNewsroom.Unique($"Queued {i}")).ToList();
        var authors = new List<ReaderSession>();
        for (var i = 0; i < alts.Count; i++) authors.Add(await AuthorAsync());
        var gate = app.Services.GetRequiredService<UploadGate>();

        List<Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)>> uploads;
        using (var held = await gate.EnterAsync(CancellationToken.None)) // the only turn, as a long upload would hold it
        {
            held.ShouldNotBeNull();
            uploads = alts.Select((alt, i) => app.UploadAsync(authors[i], $"queued-{i}.jpg", picture, alt)).ToList();
            // Four take the queue's places; whichever arrives fifth is answered at once, while the turn is still held.
            var first = await await Task.WhenAny(uploads);
            first.Response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        var answers = await Task.WhenAll(uploads);
        foreach (var author in authors) author.Dispose();

        var busy = answers.Where(a => a.Response.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        busy.Count.ShouldBe(1, string.Join(" | ", busy.Select(a => a.Page.QuerySelector("main")?.TextContent.Trim())));
        var refused = busy[0];
        refused.Response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(UploadGate.RetryAfterSeconds));
        refused.Page.QuerySelector("#upload-error")!.TextContent.ShouldContain("The server is busy preparing other pictures. Try again in 10 seconds");
        refused.Page.QuerySelector("form.media-upload").ShouldNotBeNull(); // a readable page, the form ready for the retry
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Found).ShouldBe(4);
        var rows = await app.WithDbAsync(db => db.MediaImages.AsNoTracking().Where(m => alts.Contains(m.Alt)).ToListAsync());
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Width == 2560 && r.Height == 1707);
        refused.Page.QuerySelector("#media-alt")!.GetAttribute("value").ShouldBeOneOf([.. alts.Except(rows.Select(r => r.Alt))]);
    }

    [Fact]
    public async Task A_small_gif_whose_header_runs_to_more_frames_than_allowed_is_refused_before_decoding()
    {
        using var author = await AuthorAsync();
        var alt = TestNewsroom.Unique("Frames");
        var bytes = Samples.GifOf(1001);
        bytes.Length.ShouldBeLessThan(30_000);
        var before = app.MediaFiles();

        var (response, page) = await app.UploadAsync(author, "frames.gif", bytes, alt);

        ((int)response.StatusCode).ShouldBe(422);
        page.QuerySelector("#upload-error")!.TextContent.ShouldContain("\"frames.gif\" was refused: it has 1001 frames, more than the 1000 allowed.");
        app.MediaFiles().ShouldBe(before, ignoreOrder: true);
        (await RowAsync(alt)).ShouldBeNull();
    }
}
