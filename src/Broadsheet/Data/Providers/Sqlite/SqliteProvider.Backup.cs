using Microsoft.Data.Sqlite;
using System.Diagnostics;

namespace Broadsheet.Data.Providers.Sqlite;

/// <summary>
/// `backup FILE [--force]` on SQLite: a consistent copy of the live database file, plus its Data
/// Protection keys in FILE.keys/ (without them every reader is signed out after a restore).
/// </summary>
public sealed partial class SqliteProvider
{
    public async Task<int> BackupAsync(IConfiguration config, IHostEnvironment env, string target, bool force)
    {
        var source = new SqliteConnectionStringBuilder(
            UnderContentRoot(config.GetConnectionString("Broadsheet") ?? DefaultConnection, env.ContentRootPath)).DataSource;
        var keys = KeysFolder(config, env.ContentRootPath, source);
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
