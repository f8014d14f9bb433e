using Broadsheet.Articles;
using Broadsheet.Accounts;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Search;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Shared;
using System.Diagnostics;

namespace Broadsheet.Host;

/// <summary>
/// Operator commands that share the app's configuration:
///   migrate                      apply migrations and exit
///   seed --articles N [--days D] add N generated articles (benchmark-sized data)
///   search reindex               rebuild the full-text search index
///   users create --email E --password P --role admin|editor|author|reader [--name N]
///   import wordpress FILE.xml [--uploads DIR]   bring in a WordPress export (Import/)
///   backup FILE [--force]        consistent copy of the SQLite database and its keys (Data/Backup)
///   votes reconcile              recount every article's votes from the rows; repair and log differences
/// Anything else starts the web server.
/// </summary>
public static class Cli
{
    public static readonly string[] Commands = ["migrate", "seed", "search", "users", "import", "backup", "votes"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Runs the command named by args[0]; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // A backup only reads: it must not migrate or otherwise touch the live database first.
        if (args[0] == "backup") return await BackupCommand.RunAsync(app.Configuration, app.Environment, args);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        switch (args[0])
        {
            case "migrate":
                await db.MigrateAsync();
                Console.WriteLine("Migrations applied.");
                return 0;
            case "seed":
                if (!TryOption(args, "--articles", 1, 10_000_000, 100, out var count)
                    || !TryOption(args, "--days", 1, 3650, 30, out var days))
                {
                    Console.Error.WriteLine("usage: seed --articles N [--days D]   (N from 1 to 10,000,000)");
                    return 2;
                }
                await db.MigrateAsync();
                var demo = scope.ServiceProvider.GetRequiredService<DemoNewsroom>();
                var clock = Stopwatch.StartNew();
                await ConsoleProgress.RunAsync("articles seeded", count, progress => demo.SeedArticlesAsync(db, count, TimeSpan.FromDays(days), progress));
                Console.WriteLine($"Done: {count:#,0} articles in {clock.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            case "search" when args.Length == 2 && args[1] == "reindex":
                await db.MigrateAsync();
                var total = await db.Articles.CountAsync();
                var timer = Stopwatch.StartNew();
                try
                {
                    var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
                    await ConsoleProgress.RunAsync("articles indexed", total, progress => index.RebuildAsync(db, progress, default));
                }
                catch (InvalidOperationException ex)
                {
                    Console.Error.WriteLine(ex.Message);
                    return 1;
                }
                Console.WriteLine($"Search index rebuilt: {total:#,0} articles in {timer.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            case "search":
                Console.Error.WriteLine("usage: search reindex");
                return 2;
            case "users":
                await db.MigrateAsync();
                return await UserCommands.RunAsync(scope.ServiceProvider, args);
            case "import":
                await db.MigrateAsync();
                return await Import.ImportCommand.RunAsync(scope.ServiceProvider, args);
            case "votes" when args.Length == 2 && args[1] == "reconcile":
                await db.MigrateAsync();
                var (checkedCount, repaired) = await scope.ServiceProvider.GetRequiredService<Votes.VoteReconciliation>().AllAsync(db, default);
                Console.WriteLine($"Votes reconciled: {checkedCount:#,0} articles checked, {repaired:#,0} repaired.");
                return 0;
            case "votes":
                Console.Error.WriteLine("usage: votes reconcile");
                return 2;
            default:
                return 2;
        }
    }

    private static bool TryOption(string[] args, string name, int min, int max, int fallback, out int value)
    {
        value = fallback;
        var i = Array.IndexOf(args, name);
        if (i < 0) return true;
        return i + 1 < args.Length && int.TryParse(args[i + 1], out value) && value >= min && value <= max;
    }
}
