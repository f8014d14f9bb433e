using Broadsheet.Articles;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Demo;

/// <summary>
/// Writes the demo newsroom on an empty database in the background, after the server listens,
/// so a newcomer's first start answers /health at once (issue 15: drawing the pictures and writing
/// 300 stories took seconds before anything answered). Until it is done, pages answer a short
/// "newsroom is being prepared" 503 with Retry-After (<see cref="DemoPreparation"/>); /health answers.
/// </summary>
public sealed class DemoSeeding(IServiceScopeFactory scopes, DemoSeedingGate gate, ILogger<DemoSeeding> log)
{
    private volatile bool preparing;
    private readonly TaskCompletionSource checkedEmpty = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True from the moment an empty database was found until the demo is written (or has failed).</summary>
    public bool Preparing => preparing;

    /// <summary>
    /// Done once it is known whether the demo is being written: pages wait for it (the check is one
    /// query, run beside the first requests rather than before the server listens). Done at once
    /// when <see cref="Start"/> is never called (Demo:Seed off, or no start-up tasks).
    /// </summary>
    public Task Checked => started ? checkedEmpty.Task : Task.CompletedTask;
    private volatile bool started;

    /// <summary>The background write; completed when there is none.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Checks for an empty database and writes the demo into it, both in the background.</summary>
    public void Start(CancellationToken stopping)
    {
        started = true;
        Completion = Task.Run(async () =>
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                    preparing = !await scope.ServiceProvider.GetRequiredService<BroadsheetDb>().Articles.AnyAsync(stopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Pages then go on to the database themselves, and show its outage if there is one.
                log.LogError(ex, "Could not check whether the demo newsroom is needed");
            }
            finally { checkedEmpty.TrySetResult(); }
            if (preparing) await SeedAsync(stopping);
        }, CancellationToken.None);
    }

    private async Task SeedAsync(CancellationToken stopping)
    {
        try
        {
            await gate.Opened.WaitAsync(stopping);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await scope.ServiceProvider.GetRequiredService<DemoNewsroom>().SeedIfEmptyAsync(db, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        catch (Exception ex)
        {
            // The site then serves what was written; an operator sees why the demo is short.
            log.LogError(ex, "The demo newsroom could not be written");
        }
        finally { preparing = false; }
    }
}

/// <summary>
/// What the background write waits for before it starts: open, unless a test holds it shut to look
/// at the site while the newsroom is being prepared (Demo/DemoSeedingTests).
/// </summary>
public sealed class DemoSeedingGate
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DemoSeedingGate(bool open = true) { if (open) opened.SetResult(); }

    public Task Opened => opened.Task;

    public void Open() => opened.TrySetResult();
}

/// <summary>Pages during the demo's write: a readable 503 that refreshes itself; /health and files answer as usual.</summary>
public static class DemoPreparation
{
    private const string Page = """
        <!doctype html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="5"><title>The newsroom is being prepared</title></head>
        <body><main><h1>The newsroom is being prepared</h1>
        <p>This is a new site: its demo stories are being written. This page reloads by itself in a few seconds.</p></main></body>
        </html>
        """;

    public static IApplicationBuilder UseDemoPreparation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var seeding = context.RequestServices.GetRequiredService<DemoSeeding>();
        if (context.Request.Path.StartsWithSegments("/health") || !(await WaitForCheck(seeding, context.RequestAborted)).Preparing)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page, context.RequestAborted);
    });

    private static async Task<DemoSeeding> WaitForCheck(DemoSeeding seeding, CancellationToken aborted)
    {
        if (!seeding.Checked.IsCompleted) await seeding.Checked.WaitAsync(aborted);
        return seeding;
    }
}
