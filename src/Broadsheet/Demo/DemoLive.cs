using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Live;
using Broadsheet.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// One live story from the first start (issue 23): a storm reaching the coast, followed in a dozen
/// short entries over the last three hours, in our own words. One entry is pinned ("what we know"),
/// two are key events, two carry a quote and one a picture from the demo's media library, so the
/// reader page, its timeline, the feed and the composer all show something on a new site.
/// Written straight as rows (no audit, no stream): nobody is connected yet.
/// </summary>
public static class DemoLive
{
    public const string Slug = "storm-reaches-the-coast-live";

    private sealed record Entry(int MinutesAgo, string Author, string Body, bool Key = false, bool Pinned = false,
        string? Quote = null, string QuoteSource = "", bool Picture = false);

    private static readonly Entry[] Entries =
    [
        new(178, "Callum Ashby", "Good afternoon. The weather service has raised its warning for the coast to **red**: gusts of up to 120 km/h are expected from four o'clock. We will follow the storm here through the evening."),
        new(165, "Callum Ashby", "The harbour master has ordered every small boat back to its mooring. Fishing crews were tying up in pairs along the north quay when our reporter arrived."),
        new(151, "Ines Halloran", "The ferry company has suspended **all sailings** to the islands until tomorrow morning. About 300 passengers were booked this afternoon; the company says tickets will be honoured on any crossing this week.", Key: true),
        new(137, "Ines Halloran", "Schools along the seafront are sending pupils home early. Parents have been asked to collect younger children by half past two.",
            Quote: "We would rather the children were home before the wind picks up than stuck in a bus on the coast road.", QuoteSource: "Head teacher, Harbour Road primary school"),
        new(122, "Callum Ashby", "The sea at high tide this afternoon, just before the first heavy showers reached the town. Water is already running off the hill streets and pooling at the bottom of Market Lane.", Picture: true),
        new(108, "Mara Okafor", "The council has opened the sports hall on Station Road as a rest centre for anyone who has to leave home. It has camp beds for 150 people, hot food and a room for pets."),
        new(94, "Ines Halloran", "Power is out for about 4,000 homes on the east side of town after a line came down near the bypass. The network operator says crews will go out as soon as it is safe to climb."),
        new(81, "Mara Okafor", "The coast road between the harbour and the lighthouse is **closed** after waves threw stones and seaweed across it. Police are turning cars back at the roundabout.", Key: true),
        new(67, "Callum Ashby", "A reader sent us this: the promenade railings have been bent by the waves near the bandstand. Please do not go down to the sea front to look.",
            Quote: "Nobody should be on the promenade tonight. The sea is higher than the wall in places.", QuoteSource: "Coastguard station officer"),
        new(52, "Mara Okafor", "Trains are running, but slowly: the line along the estuary is limited to 30 km/h and some evening services are cancelled. Check before you travel."),
        new(38, "Ines Halloran", "Power is back for about half of the homes that lost it. The operator expects the rest to be reconnected before midnight."),
        new(21, "Callum Ashby",
            """
            **What we know so far**

            - A red wind warning covers the coast until 22:00.
            - Ferries are suspended until tomorrow morning; the coast road is closed.
            - A rest centre is open at the Station Road sports hall.
            - About 2,000 homes are still without power.
            """, Pinned: true),
    ];

    /// <summary>The story and its coverage; skipped when the slug is taken (a second start changes nothing).</summary>
    public static async Task SeedAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(a => a.Slug == Slug, ct)) return;
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == "climate").Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.Categories.AsNoTracking().OrderBy(c => c.Position).Select(c => c.Id).FirstAsync(ct);
        var author = await db.Authors.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
        // The drawn sea, if the library has it (the climate section's waves), else any picture, else none.
        var pictures = await db.MediaImages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Stem, m.Extension, m.Alt, m.Width, m.Height, m.Credit }).ToListAsync(ct);
        var picture = pictures.FirstOrDefault(m => m.Alt.Contains("sea waves")) ?? pictures.FirstOrDefault();
        const string body = """
            A storm is reaching the coast this afternoon, with a red warning for wind until ten o'clock tonight.
            Ferries are suspended, the coast road is closed and a rest centre is open for anyone who has to leave home.

            Our reporters are on the harbour, the seafront and at the council's emergency room. Follow the latest below;
            the page updates by itself while it is open.
            """;
        var startedAt = now.AddMinutes(-Entries.Max(e => e.MinutesAgo) - 5);
        var story = new Article
        {
            Title = "Storm reaches the coast: ferries suspended and coast road closed, live",
            Slug = Slug,
            Standfirst = "Live: the latest on the storm as it reaches the coast, from our reporters on the harbour and the seafront.",
            BodyMarkdown = body, BodyHtml = ArticleBody.ToSafeHtml(body), BodyText = ArticleBody.ToPlainText(body),
            Status = ArticleStatus.Published, PublishedAt = startedAt, UpdatedAt = now, ReadingMinutes = 2,
            CategoryId = category, AuthorId = author, ViewCount = 1_840,
            Tags = [await TagAsync(db, "Weather", ct), await TagAsync(db, "Storms", ct)],
        };
        if (picture is not null)
        {
            (story.ImagePath, story.ImageAlt, story.ImageCaption, story.ImageCredit) =
                ($"{picture.Stem}.{picture.Extension}", picture.Alt, "The sea before the storm.", picture.Credit);
            (story.ImageWidth, story.ImageHeight) = (picture.Width, picture.Height);
        }
        db.Articles.Add(story);
        await db.SaveChangesAsync(ct);

        var sequence = 0L;
        foreach (var e in Entries)
        {
            sequence++;
            var markdown = e.Body.Trim();
            db.LiveEntries.Add(new LiveEntry
            {
                ArticleId = story.Id, AuthorName = e.Author, CreatedAt = now.AddMinutes(-e.MinutesAgo),
                BodyMarkdown = markdown, BodyHtml = ArticleBody.ToSafeHtml(markdown),
                ImagePath = e.Picture && picture is not null ? $"{picture.Stem}.{picture.Extension}" : null,
                ImageAlt = e.Picture && picture is not null ? picture.Alt : "",
                Quote = e.Quote, QuoteSource = e.QuoteSource, IsKeyEvent = e.Key, IsPinned = e.Pinned,
                Sequence = sequence, CreatedSequence = sequence,
            });
        }
        db.LiveStories.Add(new LiveStory { ArticleId = story.Id, StartedAt = startedAt, LastSequence = sequence });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Tag> TagAsync(BroadsheetDb db, string name, CancellationToken ct)
    {
        var slug = Shared.Slug.From(name);
        return await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct) ?? db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
    }
}
