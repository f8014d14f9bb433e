using Broadsheet.Articles;
using Broadsheet.Audit;
using Broadsheet.Caching;
using Broadsheet.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Live;

/// <summary>What the composer sends for an entry.</summary>
public sealed record EntryInput(string Body, string? ImagePath, string? ImageAlt, string? Quote, string? QuoteSource, bool KeyEvent, bool Pinned);

/// <summary>
/// Every write of live coverage: make live, end, add, edit, delete, pin. Each change of an entry
/// takes the story's next sequence value in its own transaction (see <see cref="LiveStory"/>),
/// writes its audit entry in the same save, and once committed evicts the cached pages (every
/// instance, through the existing eviction path) and tells the stream (<see cref="LiveSignal"/>).
/// </summary>
public sealed class LiveDesk(BroadsheetDb db, AuditLog audit, IOutputCacheStore cache, LiveSignal signal, TimeProvider clock)
{
    public async Task<LiveStory?> FindAsync(int articleId, CancellationToken ct) =>
        await db.LiveStories.AsNoTracking().FirstOrDefaultAsync(s => s.ArticleId == articleId, ct);

    /// <summary>Makes a published story live (again, if its coverage had ended). False when the story is not published.</summary>
    public async Task<bool> StartAsync(int articleId, int actorId, CancellationToken ct)
    {
        var published = await db.Articles.AnyAsync(a => a.Id == articleId && a.Status == ArticleStatus.Published, ct);
        if (!published) return false;
        var story = await db.LiveStories.FirstOrDefaultAsync(s => s.ArticleId == articleId, ct);
        var now = Now;
        if (story is null) db.LiveStories.Add(new LiveStory { ArticleId = articleId, StartedAt = now });
        else story.EndedAt = null;
        await audit.AddAsync(actorId, "live.start", "article", articleId.ToString(), "", ct);
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(articleId, ct);
        return true;
    }

    public async Task<bool> EndAsync(int articleId, int actorId, CancellationToken ct)
    {
        var story = await db.LiveStories.FirstOrDefaultAsync(s => s.ArticleId == articleId, ct);
        if (story is null) return false;
        story.EndedAt ??= Now;
        await audit.AddAsync(actorId, "live.end", "article", articleId.ToString(), "", ct);
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(articleId, ct);
        return true;
    }

    /// <summary>Adds an entry to a running story; null when the story is not live.</summary>
    public async Task<LiveEntry?> AddAsync(int articleId, EntryInput input, int authorId, string authorName, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var story = await db.LiveStories.AsNoTracking().FirstOrDefaultAsync(s => s.ArticleId == articleId, ct);
        if (story is null || !story.IsRunning) return null;
        var seq = await NextSequenceAsync(articleId, ct);
        var entry = new LiveEntry
        {
            ArticleId = articleId, AuthorId = authorId, AuthorName = authorName, CreatedAt = Now,
            Sequence = seq, CreatedSequence = seq,
        };
        Apply(entry, input);
        db.LiveEntries.Add(entry);
        if (input.Pinned) await UnpinOthersAsync(articleId, ct);
        await db.SaveChangesAsync(ct);
        await audit.AddAsync(authorId, "live.entry.add", "live-entry", entry.Id.ToString(), Short(input.Body), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await AfterChangeAsync(articleId, ct);
        return entry;
    }

    /// <summary>Replaces an entry's text and flags; null when there is no such entry, or it is deleted.</summary>
    public Task<LiveEntry?> EditAsync(int entryId, EntryInput input, int actorId, CancellationToken ct) =>
        ChangeAsync(entryId, actorId, "live.entry.edit", Short(input.Body), async e =>
        {
            Apply(e, input);
            e.EditedAt = Now;
            if (input.Pinned) await UnpinOthersAsync(e.ArticleId, ct, e.Id);
        }, ct);

    public Task<LiveEntry?> DeleteAsync(int entryId, int actorId, CancellationToken ct) =>
        ChangeAsync(entryId, actorId, "live.entry.delete", "", e =>
        {
            e.DeletedAt = Now;
            e.IsPinned = false;
            e.IsKeyEvent = false;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Pins or unpins; a story has at most one pinned entry, so pinning unpins the other.</summary>
    public Task<LiveEntry?> PinAsync(int entryId, bool pinned, int actorId, CancellationToken ct) =>
        ChangeAsync(entryId, actorId, pinned ? "live.entry.pin" : "live.entry.unpin", "", async e =>
        {
            e.IsPinned = pinned;
            if (pinned) await UnpinOthersAsync(e.ArticleId, ct, e.Id);
        }, ct);

    public Task<LiveEntry?> KeyEventAsync(int entryId, bool key, int actorId, CancellationToken ct) =>
        ChangeAsync(entryId, actorId, key ? "live.entry.key" : "live.entry.unkey", "", e =>
        {
            e.IsKeyEvent = key;
            return Task.CompletedTask;
        }, ct);

    private async Task<LiveEntry?> ChangeAsync(int entryId, int actorId, string action, string detail, Func<LiveEntry, Task> change, CancellationToken ct)
    {
        var articleId = await db.LiveEntries.Where(e => e.Id == entryId && e.DeletedAt == null).Select(e => (int?)e.ArticleId).FirstOrDefaultAsync(ct);
        if (articleId is null) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The counter first: its row is then held until commit, so no later change can commit before this one.
        var seq = await NextSequenceAsync(articleId.Value, ct);
        var entry = await db.LiveEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.DeletedAt == null, ct);
        if (entry is null) return null;
        await change(entry);
        entry.Sequence = seq;
        await audit.AddAsync(actorId, action, "live-entry", entryId.ToString(), detail, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await AfterChangeAsync(entry.ArticleId, ct);
        return entry;
    }

    /// <summary>Another pinned entry is unpinned; it is a change readers see, so it takes its own sequence value.</summary>
    private async Task UnpinOthersAsync(int articleId, CancellationToken ct, int except = 0)
    {
        var others = await db.LiveEntries.Where(e => e.ArticleId == articleId && e.IsPinned && e.Id != except).ToListAsync(ct);
        foreach (var other in others)
        {
            other.IsPinned = false;
            other.Sequence = await NextSequenceAsync(articleId, ct);
        }
    }

    private async Task<long> NextSequenceAsync(int articleId, CancellationToken ct) =>
        await db.Database.SqlQuery<long>($"""
            UPDATE "LiveStories" SET "LastSequence" = "LastSequence" + 1 WHERE "ArticleId" = {articleId}
            RETURNING "LastSequence" AS "Value"
            """).AsAsyncEnumerable().FirstAsync(ct);

    private static void Apply(LiveEntry e, EntryInput input)
    {
        e.BodyMarkdown = input.Body.Trim();
        e.BodyHtml = ArticleBody.ToSafeHtml(e.BodyMarkdown);
        e.ImagePath = string.IsNullOrWhiteSpace(input.ImagePath) ? null : input.ImagePath.Trim();
        e.ImageAlt = e.ImagePath is null ? "" : (input.ImageAlt ?? "").Trim();
        e.Quote = string.IsNullOrWhiteSpace(input.Quote) ? null : input.Quote.Trim();
        e.QuoteSource = e.Quote is null ? "" : (input.QuoteSource ?? "").Trim();
        e.IsKeyEvent = input.KeyEvent;
        e.IsPinned = input.Pinned;
    }

    private async Task AfterChangeAsync(int articleId, CancellationToken ct)
    {
        // The existing path: every instance drops its copies (SharedEvictions over Redis).
        await cache.ContentChangedAsync(ct);
        await signal.ChangedAsync(articleId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Short(string s) => s.Length <= 200 ? s : s[..200];
}
