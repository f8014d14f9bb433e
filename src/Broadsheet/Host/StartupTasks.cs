using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Search;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Host;

/// <summary>What runs once before the server listens: migrate, seed the demo, announce the first-admin link.</summary>
public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        await FirstAdmin.AnnounceIfNeededAsync(app);
    }

    /// <summary>Applies migrations (EF takes a lock, so N instances may start at once) and seeds the demo newsroom.</summary>
    private static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Database:MigrateOnStart", true)) return;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await db.MigrateAsync(app.Lifetime.ApplicationStopping);
        await WarnIfSearchLanguageChangedAsync(app, db);

        if (config.GetValue("Demo:Seed", true))
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoNewsroom>();
            await demo.SeedIfEmptyAsync(db, app.Lifetime.ApplicationStopping);
        }
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
