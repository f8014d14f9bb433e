using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using System.Diagnostics;

namespace Broadsheet.Data;

/// <summary>
/// `backup FILE [--force]`: a consistent copy of the live SQLite database, plus its Data
/// Protection keys in FILE.keys/ (without them every reader is signed out after a restore).
/// On PostgreSQL it prints the pg_dump command instead: pg_dump is the right tool there.
/// </summary>
public static class Backup
{
    public const string Usage = "usage: backup FILE [--force]   (a copy of the SQLite database, its keys in FILE.keys/)";

    public static async Task<int> RunAsync(IConfiguration config, IHostEnvironment env, string[] args)
    {
        var force = args.Contains("--force");
        var rest = args.Skip(1).Where(a => a != "--force").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith('-'))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var target = Path.GetFullPath(rest[0]);
        var connection = config.GetConnectionString("Broadsheet");
        if (DataServices.ProviderFrom(config) == DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine("The database is PostgreSQL: back it up with pg_dump, which takes a consistent snapshot while the app runs.");
            Console.Error.WriteLine("For the configured connection (the password from PGPASSWORD or ~/.pgpass):");
            Console.Error.WriteLine("  " + PgDumpCommand.For(connection ?? "", target));
            Console.Error.WriteLine("Restore with pg_restore --clean --if-exists --dbname=... FILE. Data Protection keys live in the database, so the dump holds them.");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(
            SqliteBroadsheetDb.UnderContentRoot(connection ?? SqliteBroadsheetDb.DefaultConnection, env.ContentRootPath)).DataSource;
        var keys = DataServices.KeysFolder(config, env.ContentRootPath, source);
        var keysTarget = target + ".keys";
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"There is no database at {source}.");
            return 1;
        }
        if (string.Equals(target, source, StringComparison.Ordinal) || target.StartsWith(source + "-", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{target} is the live database; back it up to another file.");
            return 1;
        }
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            Console.Error.WriteLine($"There is no folder {Path.GetDirectoryName(target)}; make it first.");
            return 1;
        }
        if (!force && (File.Exists(target) || Directory.Exists(keysTarget)))
        {
            Console.Error.WriteLine($"{target} (or {keysTarget}) already exists; pass --force to replace it.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var temporary = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            if (await CopyDatabaseAsync(source, temporary) is var check and not "ok")
            {
                Console.Error.WriteLine($"The copy failed SQLite's integrity check ({check}); nothing was written.");
                return 1;
            }
            File.Move(temporary, target, overwrite: force);
        }
        finally
        {
            File.Delete(temporary);
        }
        var copiedKeys = CopyKeys(keys, keysTarget);
        Console.WriteLine($"Backed up {source} to {target}: {new FileInfo(target).Length / 1024.0 / 1024.0:0.0} MB " +
            $"in {clock.Elapsed.TotalSeconds:0.0} s; integrity ok; {copiedKeys} key file(s) in {keysTarget}.");
        return 0;
    }

    // SQLite's online backup copies every page inside one read transaction. In WAL mode a reader
    // never blocks the app's writers, and it sees one commit point: the copy is consistent even
    // while votes and views are being written. A plain file copy could tear across a checkpoint.
    private static async Task<string?> CopyDatabaseAsync(string source, string temporary)
    {
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder
        { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder
        { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        from.BackupDatabase(to);
        await using var check = to.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return await check.ExecuteScalarAsync() as string;
    }

    private static int CopyKeys(string keys, string keysTarget)
    {
        if (!Directory.Exists(keys)) return 0;
        var temporary = $"{keysTarget}.partial-{Guid.NewGuid():N}";
        // The keys are unencrypted on Linux: the copy is as private as the original.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(temporary);
        else Directory.CreateDirectory(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var files = Directory.GetFiles(keys);
        foreach (var file in files) File.Copy(file, Path.Combine(temporary, Path.GetFileName(file)));
        if (Directory.Exists(keysTarget)) Directory.Delete(keysTarget, recursive: true);
        Directory.Move(temporary, keysTarget);
        return files.Length;
    }
}
