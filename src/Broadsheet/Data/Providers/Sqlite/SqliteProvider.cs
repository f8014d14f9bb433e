using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        services.AddDbContextPool<BroadsheetDb, SqliteBroadsheetDb>(o => o.UseSqlite(cs));
        var file = new SqliteConnectionStringBuilder(cs).DataSource;
        // One box: a keys folder beside the database file (data/keys by default), so
        // a restart keeps readers signed in. Back it up with the database.
        var keys = KeysFolder(config, env.ContentRootPath, file);
        // The keys are stored unencrypted (there is no DPAPI on Linux): only the app's
        // own user may read the folder.
        if (!OperatingSystem.IsWindows() && !Directory.Exists(keys))
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
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

    // One gate per database file, shared by every context in the process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>
    /// SQLite has one writer at a time and its driver waits for the lock by sleeping the thread;
    /// queueing on an async gate in the process instead keeps threads free.
    /// </summary>
    public static async ValueTask<IDisposable> WriteGateAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;
        public void Dispose() { if (Interlocked.Exchange(ref released, 1) == 0) gate.Release(); }
    }
}
