using Broadsheet.Data.Migrations.Postgres;
using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var connection = config.GetConnectionString("Broadsheet");
        switch (ProviderFrom(config))
        {
            case DatabaseProvider.Postgres: PostgresBroadsheetDb.Register(services, connection); break;
            default: SqliteBroadsheetDb.Register(services, connection, env.ContentRootPath); break;
        }
        // Keys in the database, not on one instance's disk: N instances behind a load balancer
        // must read each other's antiforgery tokens and cookies.
        services.AddDataProtection().SetApplicationName("Broadsheet").PersistKeysToDbContext<BroadsheetDb>();
        return services;
    }

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var raw = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var p) && Enum.IsDefined(p)) return p;
        if (raw.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{raw}'.");
    }
}
