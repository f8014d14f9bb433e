using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Ranking;

public static class RankingServices
{
    public static IServiceCollection AddRanking(this IServiceCollection services)
    {
        services.AddHostedService<HotnessCooling>();
        services.AddScoped<ICountersFlushed, HotnessOnViews>();
        return services;
    }
}

/// <summary>Views weigh in hotness: after each views flush, the flushed articles' stored hotness is recomputed.</summary>
internal sealed class HotnessOnViews : ICountersFlushed
{
    public Task CountersFlushedAsync(BroadsheetDb db, IReadOnlyCollection<int> articleIds, DateTime now, CancellationToken ct) =>
        HotnessRefresh.RunAsync(db, articleIds, now, ct);
}

/// <summary>
/// Stored hotness only changes when a vote, comment or view lands, but age keeps dividing it.
/// Every few minutes this recomputes it for the stories currently ranked hottest (stored values
/// only ever overstate, so these are the ones that can be wrong where it shows) and for the
/// newest stories (which start at zero until someone engages). Idempotent, so every instance
/// may run it; the work is bounded, whatever the archive's size.
/// </summary>
internal sealed class HotnessCooling(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<HotnessCooling> log) : BackgroundService
{
    private const int HottestToCool = 200;
    private const int NewestToWarm = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(0.1, config.GetValue("Ranking:CoolingMinutes", 5.0)));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                var now = clock.GetUtcNow().UtcDateTime;
                var since = now - TrendingList.HotWindow;
                var recent = db.Articles.Live(now).Where(a => a.PublishedAt >= since);
                var ids = await recent.OrderByDescending(a => a.Hotness).Take(HottestToCool).Select(a => a.Id).ToListAsync(stoppingToken);
                ids.AddRange(await recent.Newest().Take(NewestToWarm).Select(a => a.Id).ToListAsync(stoppingToken));
                await HotnessRefresh.HotnessOnlyAsync(db, ids, now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A database hiccup skips one round; the next tick tries again.
                log.LogWarning(ex, "Hotness cooling skipped a round");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
