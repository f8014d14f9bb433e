using Broadsheet.Caching;
using Broadsheet.Data;
using Broadsheet.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Newsroom.Site;

/// <summary>
/// This instance's copy of the SiteSettings rows. The database is the only truth: every few
/// seconds (Site:SettingsCheckSeconds) <see cref="SettingsPoller"/> reads the rows again (a
/// dozen short rows, as cheap as reading a version number, and immune to clocks that disagree
/// between instances) and, when they differ from the copy, swaps the copy and drops this
/// instance's cached pages. So a change saved on one instance shows on every instance within
/// seconds. The instance that saves refreshes at once.
/// </summary>
public sealed class LiveSettings(IServiceScopeFactory scopes, IOutputCacheStore pages, ILogger<LiveSettings> log)
{
    private volatile IReadOnlyDictionary<string, string> current = new Dictionary<string, string>();

    /// <summary>Raised after the copy changed; the live options recompute their values.</summary>
    public event Action? Changed;

    public IReadOnlyDictionary<string, string> Overrides => current;

    public string? this[string key] => current.TryGetValue(key, out var v) ? v : null;

    /// <summary>Reads the rows; true when they differed from the copy. Never throws for a database that is down.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        Dictionary<string, string> rows;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            rows = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep serving the last copy; the next check tries again.
            log.LogWarning(ex, "Site settings could not be read; keeping the last ones");
            return false;
        }
        var before = current;
        if (before.Count == rows.Count && rows.All(r => before.TryGetValue(r.Key, out var v) && v == r.Value)) return false;
        current = rows;
        Changed?.Invoke();
        await pages.ContentChangedAsync(ct);
        return true;
    }
}

/// <summary>Checks the settings rows every few seconds, and once before the first request.</summary>
public sealed class SettingsPoller(LiveSettings settings, IConfiguration config) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await settings.RefreshAsync(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // A wall-clock interval, not a reading of "now": a test's frozen TimeProvider must not stop it.
        var seconds = Math.Clamp(config.GetValue("Site:SettingsCheckSeconds", 3), 1, 300);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await settings.RefreshAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
