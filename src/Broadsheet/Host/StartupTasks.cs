using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Search;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;

namespace Broadsheet.Host;

/// <summary>
/// What runs once before the server listens: migrate (only if a migration is pending), start the
/// demo's write on an empty database (it runs after the server listens, <see cref="DemoSeeding"/>),
/// announce the first-admin link. Kept short: /health answers only after this (issue 15).
/// </summary>
public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        await FirstAdmin.AnnounceIfNeededAsync(app);
    }

    /// <summary>
    /// Applies pending migrations (EF takes a lock, so N instances may start at once) and starts the
    /// demo newsroom's write on an empty database, without waiting for it.
    /// </summary>
    private static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Database:MigrateOnStart", true)) return;

        var started = Stopwatch.GetTimestamp();
        var stopping = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // Reading the history is one query; EF's Migrate also takes its lock (two writes) and diffs the
        // model against the snapshot, which on an up-to-date database is start-up time for nothing.
        var pending = (await db.Database.GetPendingMigrationsAsync(stopping)).Count();
        if (pending > 0) await db.MigrateAsync(stopping);
        else await db.AfterMigrateAsync(stopping);
        app.Logger.LogInformation("Database ready in {Ms} ms ({Pending} migrations applied)", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, pending);
        await WarnIfSearchLanguageChangedAsync(app, db);

        if (config.GetValue("Demo:Seed", true))
            await app.Services.GetRequiredService<DemoSeeding>().StartIfEmptyAsync(db, stopping);
    }

    /// <summary>Search:Language takes effect on `search reindex`; say so rather than mix two languages.</summary>
    private static async Task WarnIfSearchLanguageChangedAsync(WebApplication app, BroadsheetDb db)
    {
        var wanted = app.Services.GetRequiredService<IOptions<SearchOptions>>().Value.NormalizedLanguage;
        var indexed = await app.Services.GetRequiredService<ISearchIndex>().IndexedLanguageAsync(db, app.Lifetime.ApplicationStopping);
        if (indexed != wanted)
            app.Logger.LogWarning("Search:Language is {Wanted} but the search index is in {Indexed}; run `search reindex` to switch", wanted, indexed);
    }
}
