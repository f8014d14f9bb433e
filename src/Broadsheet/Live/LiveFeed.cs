using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Live;

/// <summary>The reads of live coverage: a story's entries for its page, and its changes past a sequence for the stream and the API.</summary>
public static class LiveFeed
{
    /// <summary>Entries changed after <paramref name="after"/>, oldest change first, at most <paramref name="limit"/>: a seek on (ArticleId, Sequence).</summary>
    public static Task<List<LiveEntry>> ChangesAsync(BroadsheetDb db, int articleId, long after, int limit, CancellationToken ct) =>
        db.LiveEntries.AsNoTracking()
            .Where(e => e.ArticleId == articleId && e.Sequence > after)
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);

    /// <summary>A story's visible entries, newest first (tombstones left out), at most <paramref name="limit"/>.</summary>
    public static Task<List<LiveEntry>> VisibleAsync(BroadsheetDb db, int articleId, int limit, CancellationToken ct) =>
        db.LiveEntries.AsNoTracking()
            .Where(e => e.ArticleId == articleId && e.DeletedAt == null)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(limit).ToListAsync(ct);
}
