using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Collections.Concurrent;

namespace Broadsheet.Data.Providers.Sqlite;

/// <summary>
/// SQLite, one file on one box: registration (the file and its keys folder), outages (a busy
/// file), backup (SqliteProvider.Backup.cs) and the write gate.
/// </summary>
public sealed partial class SqliteProvider : IDatabaseProvider
{
    public static readonly SqliteProvider Instance = new();

    public const string DefaultConnection = "Data Source=data/broadsheet.db";

    private SqliteProvider() { }

    public void Register(IServiceCollection services, IConfiguration config, IHostEnvironment env, IDataProtectionBuilder protection)
    {
        var cs = UnderContentRoot(config.GetConnectionString("Broadsheet") ?? DefaultConnection, env.ContentRootPath);
        // Every write passes the provider's gate (SqliteWriteGate): features never take it by hand.
        // SQLite rebuilds a table to change it, with foreign keys off (a PRAGMA that cannot run in
        // a transaction). EF warns of that (20410) on every first start; nobody can act on it, and
        // a migration that fails half-way still fails the start loudly. Information, not Warning.
        services.AddDbContextPool<BroadsheetDb, SqliteBroadsheetDb>(o => o.UseSqlite(cs).AddInterceptors(SqliteWriteGate.Instance)
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
        services.AddSingleton<IPreparedReads>(sp => new SqlitePreparedReads(cs, PreparedReadLog.For(sp.GetRequiredService<ILoggerFactory>())));
        var file = new SqliteConnectionStringBuilder(cs).DataSource;
        // One box: a keys folder beside the database file (data/keys by default), so
        // a restart keeps readers signed in. Back it up with the database.
        var keys = KeysFolder(config, env.ContentRootPath, file);
        // The keys are stored unencrypted (there is no DPAPI on Linux): only the app's
        // own user may read the folder.
        if (!OperatingSystem.IsWindows() && !Directory.Exists(keys))
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        // Decided: on one box the keys sit unencrypted in that owner-only folder (0700), which is
        // the same protection the database file has; whoever can read either owns the site anyway.
        // So Data Protection's "No XML encryptor configured" warning would only alarm a newcomer.
        // With DataProtection:Certificate set the keys are encrypted and the warning cannot occur.
        if (string.IsNullOrEmpty(config["DataProtection:Certificate"]))
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(
                new LoggerFilterRule(null, "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error, null)));
    }

    /// <summary>A relative file lives under the content root, and its folder is made on first start.</summary>
    public static string UnderContentRoot(string connectionString, string contentRoot)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.DataSource is "" or ":memory:" || b.Mode == SqliteOpenMode.Memory) return b.ToString();
        if (!Path.IsPathRooted(b.DataSource)) b.DataSource = Path.Combine(contentRoot, b.DataSource);
        var folder = Path.GetDirectoryName(b.DataSource);
        if (!string.IsNullOrEmpty(folder) && b.Mode is SqliteOpenMode.ReadWriteCreate) Directory.CreateDirectory(folder);
        return b.ToString();
    }

    /// <summary>The Data Protection keys folder on one box; `backup` copies it with the database.</summary>
    public static string KeysFolder(IConfiguration config, string contentRoot, string databaseFile) =>
        config["DataProtection:KeysDirectory"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir, contentRoot)
            : Path.Combine(Path.GetDirectoryName(databaseFile) is { Length: > 0 } folder ? folder : Path.Combine(contentRoot, "data"), "keys");

    // Another writer holds the SQLite file longer than the busy timeout.
    public bool IsOutage(Exception ex) => ex is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    public T Choose<T>(T sqlite, T postgres) => sqlite;

    public string SkipLockedRows => "";
}
