using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Search;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using System.Diagnostics;

namespace Broadsheet.Host;

/// <summary>
/// What runs once before the server listens: migrate (only if a migration is pending). Everything
/// else a start does is started here and runs beside the first requests: the demo's check for an
/// empty database and its write (<see cref="DemoSeeding"/>; pages wait for the check), the search
/// language warning and the first-admin link, which only write to the log. /health answers only
/// after the part before listening, so it is kept to what a request needs (issue 15).
/// </summary>
public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        if (!app.Configuration.GetValue("Database:MigrateOnStart", true)) return;
        var stopping = app.Lifetime.ApplicationStopping;
        if (app.Configuration.GetValue("Demo:Seed", true)) app.Services.GetRequiredService<DemoSeeding>().Start(stopping);
        // Each of these was a query compiled and run before listening (a sizeable share of the
        // start's CPU); neither changes what a request gets, so they wait until the server listens.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                await WarnIfSearchLanguageChangedAsync(app, scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
                await FirstAdmin.AnnounceIfNeededAsync(app);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                app.Logger.LogError(ex, "A start-up check after listening failed");
            }
            catch (OperationCanceledException) { }
        }, CancellationToken.None));
    }

    /// <summary>Applies pending migrations (EF takes a lock, so N instances may start at once).</summary>
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
        var pending = await db.MigrateIfPendingAsync(stopping);
        app.Logger.LogInformation("Database ready in {Ms} ms ({Pending} migrations applied)", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, pending);
    }

    /// <summary>
    /// Migrates only when <see cref="PendingMigrationsAsync"/> finds a migration missing; returns how
    /// many there were. The app's start and every command (Cli) go through here.
    /// </summary>
    internal static async Task<int> MigrateIfPendingAsync(this BroadsheetDb db, CancellationToken ct)
    {
        var pending = await PendingMigrationsAsync(db, ct);
        if (pending > 0) await db.MigrateAsync(ct);
        else await db.AfterMigrateAsync(ct);
        return pending;
    }

    /// <summary>
    /// How many of the app's migrations the history table lacks, from one plain SELECT. EF's own
    /// GetPendingMigrations builds a model of its history table through the whole convention
    /// pipeline first: once the app's model was compiled (CompiledModels/), that was the largest
    /// part of an up-to-date start's database step (profile in docs/benchmarks.md, issue 15).
    /// </summary>
    private static async Task<int> PendingMigrationsAsync(BroadsheetDb db, CancellationToken ct)
    {
        var known = db.MigrationIds; // not EF's GetMigrations: that scans every type in the assembly
        // A PostgreSQL database that does not exist yet cannot be opened; Migrate creates it, so a
        // first start on an empty server must go there (found by bench/votes.sh --postgres).
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return known.Count;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        // Outside the try: a database that cannot be reached fails the start here, as Migrate would.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        catch (DbException)
        {
            return known.Count; // no history table: a new database, every migration is pending
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return known.Count(id => !applied.Contains(id));
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
