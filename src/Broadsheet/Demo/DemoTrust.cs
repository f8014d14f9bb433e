using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// Issue 24 on the demo's stories, so a first start shows what the newsroom can do and the site's
/// validators see it on real pages: a story written by two staff, one with a guest, a correction at
/// the top, a clarification at the bottom and substantive updates with their notes. The pictures
/// already carry the demo's credit (DemoNewsroom.DemoCredit).
/// </summary>
public static class DemoTrust
{
    public const string UpdateNote = "This story has been updated with the council's response.";
    public const string CorrectionText = "An earlier version of this story gave the wrong date for the next council meeting. It is on Thursday.";
    public const string ClarificationText = "This story has been amended to make clear that the figures are the council's own estimates.";
    public const string GuestName = "Lena Okafor";

    public static async Task SeedAsync(BroadsheetDb db, DateTime now, CancellationToken ct)
    {
        // Pictured stories from the third newest on: the front page's lead keeps its plain look (and
        // the first-paint measurements their page); skipped when a byline exists (a second start).
        if (await db.ArticleBylines.AnyAsync(ct)) return;
        var stories = await db.Articles.Live(now).Where(a => a.ImagePath != null)
            .OrderByDescending(a => a.PublishedAt).Skip(2).Take(3).ToListAsync(ct);
        if (stories.Count < 3) return;
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var (first, second, third) = (stories[0], stories[1], stories[2]);

        // By two of the newsroom, updated and corrected.
        var coAuthor = authors.First(id => id != first.AuthorId);
        db.ArticleBylines.Add(new ArticleByline { ArticleId = first.Id, Position = 1, AuthorId = coAuthor });
        Update(first, now, 0.5);
        Correct(db, first, now, 0.7, CorrectionKind.Correction, CorrectionPlacement.Top, CorrectionText);

        // With a guest who has no account (a name alone), and a clarification under the body.
        db.ArticleBylines.Add(new ArticleByline { ArticleId = second.Id, Position = 1, GuestName = GuestName });
        Correct(db, second, now, 0.6, CorrectionKind.Clarification, CorrectionPlacement.Bottom, ClarificationText);

        // Updated only.
        Update(third, now, 0.4);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A time between the story's publication and now: <paramref name="share"/> of the way.</summary>
    private static DateTime Between(Article story, DateTime now, double share) =>
        story.PublishedAt!.Value + (now - story.PublishedAt.Value) * share;

    private static void Update(Article story, DateTime now, double share)
    {
        (story.SubstantiveUpdateAt, story.UpdateNote) = (Between(story, now, share), UpdateNote);
        Touch(story, story.SubstantiveUpdateAt.Value);
    }

    private static void Correct(BroadsheetDb db, Article story, DateTime now, double share, CorrectionKind kind, CorrectionPlacement placement, string text)
    {
        var at = Between(story, now, share);
        db.Corrections.Add(new Correction { ArticleId = story.Id, Kind = kind, Placement = placement, Text = text, PublishedAt = at });
        Touch(story, at);
    }

    // The story's modified time moves with each change, as the desk's changes do.
    private static void Touch(Article story, DateTime at)
    {
        if (at > story.UpdatedAt) story.UpdatedAt = at;
    }
}
