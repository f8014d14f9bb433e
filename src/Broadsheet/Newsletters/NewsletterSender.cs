using Microsoft.Extensions.Options;

namespace Broadsheet.Newsletters;

/// <summary>
/// Every instance runs one: each poll queues due alerts, digests and issues (<see cref="MailRuns"/>),
/// which are safe to run on several instances at once. The wait is on the wall clock, not the
/// TimeProvider, so a test's clock that is moved by hand still gets polled.
/// </summary>
public sealed class NewsletterSender(IServiceScopeFactory scopes, IOptionsMonitor<NewsletterOptions> options, ILogger<NewsletterSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled) return;
        while (!ct.IsCancellationRequested)
        {
            try { await RunOnceAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                // The database may be down or not migrated yet; nothing is lost, the next poll goes on.
                log.LogWarning(ex, "Newsletter sending could not run");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, options.CurrentValue.PollSeconds)), ct); }
            catch (OperationCanceledException) { break; }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<MailRuns>();
        await runs.IssuesAsync(ct);
        await runs.AlertsAsync(ct);
        await runs.DigestsAsync(ct);
    }
}
