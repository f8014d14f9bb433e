using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Broadsheet.Live;

/// <summary>What a live story's page shows of its coverage, read once per render of the cached page.</summary>
public sealed record LiveCoverage(
    int ArticleId, string Slug, DateTime StartedAt, DateTime? EndedAt, long Sequence,
    LiveEntry? Pinned, IReadOnlyList<LiveEntry> KeyEvents, IReadOnlyList<LiveEntry> Entries, TimeZoneInfo Zone)
{
    /// <summary>The page shows the newest entries; older ones stay in the API and the feed.</summary>
    public const int PageEntries = 200;

    public bool Running => EndedAt is null;

    public string Html(LiveEntry e) => LiveEntryHtml.Render(e, Zone);

    /// <summary>An entry's first words, for the key-events timeline.</summary>
    public static string Summary(LiveEntry e, int max = 110)
    {
        var text = ArticleBody.ToPlainText(e.BodyMarkdown).ReplaceLineEndings(" ");
        if (text.Length == 0) text = e.Quote ?? "";
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > 40 ? cut : max - 1)] + "…";
    }
}

/// <summary>Adds live coverage to a story's page (<see cref="IStoryAdditions"/>): nothing when the story was never live.</summary>
internal sealed class LiveAdditions(BroadsheetDb db, IOptionsMonitor<SiteOptions> site) : IStoryAdditions
{
    public async Task<StoryAddition?> FindAsync(Article article, CancellationToken ct)
    {
        var coverage = await ReadAsync(db, article.Id, article.Slug, site.CurrentValue.Zone(), ct);
        return coverage is null ? null : new StoryAddition("~/Live/_LiveTop.cshtml", "~/Live/_LiveEntries.cshtml", coverage);
    }

    public static async Task<LiveCoverage?> ReadAsync(BroadsheetDb db, int articleId, string slug, TimeZoneInfo zone, CancellationToken ct)
    {
        // The story's position first: entries read after it may be newer, and the stream then replays them again, replacing in place.
        var story = await db.LiveStories.AsNoTracking().FirstOrDefaultAsync(s => s.ArticleId == articleId, ct);
        if (story is null) return null;
        var entries = await LiveFeed.VisibleAsync(db, articleId, LiveCoverage.PageEntries, ct);
        var pinned = entries.FirstOrDefault(e => e.IsPinned);
        var keys = entries.Where(e => e.IsKeyEvent).OrderBy(e => e.CreatedAt).ToList();
        return new LiveCoverage(articleId, slug, story.StartedAt, story.EndedAt, story.LastSequence, pinned, keys,
            [.. entries.Where(e => e != pinned)], zone);
    }
}
