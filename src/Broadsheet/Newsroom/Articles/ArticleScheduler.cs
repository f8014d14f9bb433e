using Broadsheet.Audit;
using Broadsheet.Articles;
using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Articles;

/// <summary>
/// Publishes scheduled articles whose time has come: at start (so a time that passed while the
/// site was down is caught up) and every Newsroom:SchedulerSeconds (default 15). Each article
/// flips with a conditional UPDATE, so with several instances exactly one changes it, and only
/// that one writes the audit entry. Readers see a due article even before the flip
/// (ArticleQueries.Live counts "scheduled and due" as live); the flip makes the status true.
/// </summary>
public sealed class ArticleScheduler(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ArticleScheduler> log) : BackgroundService
{
    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Newsroom:SchedulerSeconds", 15)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Publishing scheduled articles failed; trying again in {Interval}", Interval);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Returns how many articles this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        var published = 0;
        foreach (var article in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var changed = await db.Articles
                .Where(a => a.Id == article.Id && a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Published), ct);
            if (changed == 0) continue; // another instance got there first, or an editor changed it
            audit.Add(null, "scheduler", "article.publish", "article", article.Id.ToString(), $"\"{article.Title}\" published on schedule.");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            published++;
        }
        if (published > 0)
        {
            log.LogInformation("Published {Count} scheduled article(s)", published);
            await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().ContentChangedAsync(ct);
        }
        return published;
    }
}
