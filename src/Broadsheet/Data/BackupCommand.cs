using Broadsheet.Data.Providers;

namespace Broadsheet.Data;

/// <summary>
/// `backup FILE [--force]`: the configured provider makes the copy (SQLite: the file and its keys;
/// PostgreSQL: prints the pg_dump command, the right tool there).
/// </summary>
public static class BackupCommand
{
    public const string Usage = "usage: backup FILE [--force]   (a copy of the SQLite database, its keys in FILE.keys/)";

    /// <summary>Makes the backup; the command line is parsed by Host/Cli.cs.</summary>
    public static Task<int> RunAsync(IConfiguration config, IHostEnvironment env, string file, bool force) =>
        DatabaseProviders.For(config).BackupAsync(config, env, Path.GetFullPath(file), force);
}
