using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

public sealed record BreakingStory(string Title, string Slug, DateTime Until);

/// <summary>
/// The story in the site-wide breaking-news bar: the newest live article whose BreakingUntil is
/// still ahead. Read at most once per Newsroom:BreakingSeconds (default 5) per instance, so the
/// bar costs every page nothing; the end time is checked on every render, so it goes on time.
/// </summary>
public sealed class BreakingNews(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<BreakingNews> log)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private BreakingStory? story;
    private DateTime readAt = DateTime.MinValue;

    private TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Newsroom:BreakingSeconds", 5)));

    public async Task<BreakingStory?> CurrentAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - readAt >= Lifetime || now < readAt)
        {
            await gate.WaitAsync(ct);
            try
            {
                if (now - readAt >= Lifetime || now < readAt)
                {
                    story = await ReadAsync(now, ct);
                    readAt = now;
                }
            }
            finally { gate.Release(); }
        }
        return story is { } s && s.Until > now ? s : null;
    }

    private async Task<BreakingStory?> ReadAsync(DateTime now, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            // Two bounded steps: the few stories whose bar is still ahead, by the BreakingUntil index
            // alone, then the newest live one of them by primary key. As one query with "newest first",
            // SQLite (no statistics) walked the published-time index over every story to skip the
            // sort: 1.5 million VM steps at 100,000 articles with nothing breaking (issue 15).
            var ahead = await db.Articles.Where(a => a.BreakingUntil > now).Select(a => a.Id).ToListAsync(ct);
            if (ahead.Count == 0) return null;
            return await db.Articles.AsNoTracking().Where(a => ahead.Contains(a.Id)).Live(now).Newest()
                .Select(a => new BreakingStory(a.Title, a.Slug, a.BreakingUntil!.Value)).FirstOrDefaultAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Every page carries the bar: with the database away, pages (the error page too) still render, keeping the last story.
            log.LogWarning(ex, "Reading the breaking-news story failed");
            return story;
        }
    }

    /// <summary>Forget what was read, after the newsroom changed a story.</summary>
    public void Forget() => readAt = DateTime.MinValue;
}
