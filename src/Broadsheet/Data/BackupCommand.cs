using Broadsheet.Data.Providers;

namespace Broadsheet.Data;

/// <summary>
/// `backup FILE [--force]`: the configured provider makes the copy (SQLite: the file and its keys;
/// PostgreSQL: prints the pg_dump command, the right tool there).
/// </summary>
public static class BackupCommand
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
        return await DatabaseProviders.For(config).BackupAsync(config, env, Path.GetFullPath(rest[0]), force);
    }
}
