using Broadsheet.Demo;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations (EF takes a lock, so N instances may start at once) and seeds the demo newsroom.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Database:MigrateOnStart", true)) return;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await MigrateAsync(db);

        if (config.GetValue("Demo:Seed", true))
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoNewsroom>();
            await demo.SeedIfEmptyAsync(db, app.Lifetime.ApplicationStopping);
        }
    }

    public static async Task MigrateAsync(BroadsheetDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await db.AfterMigrateAsync(ct);
    }
}
