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
        var protection = services.AddDataProtection().SetApplicationName("Broadsheet");
        switch (ProviderFrom(config))
        {
            case DatabaseProvider.Postgres:
                PostgresBroadsheetDb.Register(services, connection);
                // In the database every instance shares, so a cookie or form token made by one
                // instance is read by all of them.
                protection.PersistKeysToDbContext<BroadsheetDb>();
                break;
            default:
                var file = SqliteBroadsheetDb.Register(services, connection, env.ContentRootPath);
                // One box: a keys folder beside the database file (data/keys by default), so
                // a restart keeps readers signed in. Back it up with the database.
                var keys = KeysFolder(config, env.ContentRootPath, file);
                // The keys are stored unencrypted (there is no DPAPI on Linux): only the app's
                // own user may read the folder.
                if (!OperatingSystem.IsWindows() && !Directory.Exists(keys))
                    Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
                break;
        }
        return services;
    }

    /// <summary>The Data Protection keys folder on one box; `backup` copies it with the database.</summary>
    public static string KeysFolder(IConfiguration config, string contentRoot, string databaseFile) =>
        config["DataProtection:KeysDirectory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir, contentRoot)
            : Path.Combine(Path.GetDirectoryName(databaseFile) is { Length: > 0 } folder ? folder : Path.Combine(contentRoot, "data"), "keys");

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var raw = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(raw, ignoreCase: true, out var p) && Enum.IsDefined(p)) return p;
        if (raw.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{raw}'.");
    }
}
