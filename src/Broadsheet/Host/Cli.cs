using Broadsheet.Accounts;
using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Demo;
using Broadsheet.Import;
using Broadsheet.Search;
using Broadsheet.Shared;
using Microsoft.EntityFrameworkCore;
using System.CommandLine;
using System.Diagnostics;

namespace Broadsheet.Host;

/// <summary>
/// Operator commands that share the app's configuration, parsed by System.CommandLine:
///   migrate                      apply migrations and exit
///   seed --articles N [--days D] add N generated articles (benchmark-sized data)
///   search reindex               rebuild the full-text search index
///   users create --email E --password P [--role admin|editor|author|reader] [--name N]
///   import wordpress FILE.xml [--uploads DIR] [--sections N|a,b] [--dry-run]   (Import/)
///   backup FILE [--force]        consistent copy of the SQLite database and its keys (Data/Backup)
///   votes reconcile              recount every article's votes from the rows; repair and log differences
/// `COMMAND --help` describes each. Exit codes: 0 done, 1 refused or failed, 2 bad command line
/// (with the error and the command's usage on stderr). Anything else starts the web server, so
/// ASP.NET's own arguments (--urls, --environment) never reach this parser.
/// </summary>
public static class Cli
{
    public static readonly string[] Commands = ["migrate", "seed", "search", "users", "import", "backup", "votes"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>The one-line usage printed under a command-line error, per command.</summary>
    private static readonly Dictionary<string, string> Usages = new()
    {
        ["migrate"] = "usage: migrate",
        ["seed"] = SeedUsage,
        ["search"] = "usage: search reindex",
        ["users"] = UserCommands.Usage,
        ["import"] = ImportCommand.Usage,
        ["backup"] = BackupCommand.Usage,
        ["votes"] = "usage: votes reconcile",
    };

    private const string SeedUsage = "usage: seed --articles N [--days D]   (N from 1 to 10,000,000)";

    /// <summary>Runs the command named by args[0]; returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var parse = Define(app).Parse(CommandArgs(args));
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(Usages[args[0]]);
            Console.Error.WriteLine($"Run '{args[0]} --help' for more.");
            return 2;
        }
        // An exception is a crash, as before: it is logged with its stack and the exit code is not 0.
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// Drops configuration given on the command line (--Database:Provider Postgres,
    /// --ConnectionStrings:Broadsheet=...): the host builder has read it already, and it is no
    /// option of any command. A configuration key names a section, so it has a colon.
    /// </summary>
    public static string[] CommandArgs(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (i > 0 && name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':'))
            {
                if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) i++;
                continue;
            }
            kept.Add(args[i]);
        }
        return [.. kept];
    }

    private static RootCommand Define(WebApplication app)
    {
        var root = new RootCommand("Broadsheet's operator commands. Without a command, the web server starts.");
        root.Subcommands.Add(Migrate(app));
        root.Subcommands.Add(Seed(app));
        root.Subcommands.Add(SearchCommand(app));
        root.Subcommands.Add(Users(app));
        root.Subcommands.Add(ImportWordPress(app));
        root.Subcommands.Add(Backup(app));
        root.Subcommands.Add(VotesCommand(app));
        return root;
    }

    /// <summary>
    /// Runs work in a request-like scope, with the database migrated first (every command but backup
    /// writes). As at a start, EF's Migrate runs only when a migration is pending: on an up-to-date
    /// database its model diff was most of a short command's CPU (about 2 of 2.5 s for `migrate`).
    /// </summary>
    private static async Task<int> InScopeAsync(WebApplication app, Func<IServiceProvider, BroadsheetDb, Task<int>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await db.MigrateIfPendingAsync(app.Lifetime.ApplicationStopping);
        return await work(scope.ServiceProvider, db);
    }

    private static Command Migrate(WebApplication app)
    {
        var command = new Command("migrate", "Apply the database migrations and exit.");
        command.SetAction((_, _) => InScopeAsync(app, (_, _) =>
        {
            Console.WriteLine("Migrations applied.");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Option<int> Ranged(string name, string description, int min, int max, int fallback)
    {
        var option = new Option<int>(name) { Description = $"{description} ({min:#,0} to {max:#,0})", DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            // Reads the token itself: one that is not a number is already the parser's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
                result.AddError($"{name} must be from {min:#,0} to {max:#,0}, not {value:#,0}.");
        });
        return option;
    }

    private static Command Seed(WebApplication app)
    {
        var articles = Ranged("--articles", "How many generated articles to add", 1, 10_000_000, 100);
        var days = Ranged("--days", "Spread their publication over this many days before now", 1, 3650, 30);
        var command = new Command("seed", "Add generated articles (benchmark-sized data), with progress.") { articles, days };
        command.SetAction((parse, _) => InScopeAsync(app, async (services, db) =>
        {
            var (count, span) = (parse.GetValue(articles), parse.GetValue(days));
            var demo = services.GetRequiredService<DemoNewsroom>();
            var clock = Stopwatch.StartNew();
            await ConsoleProgress.RunAsync("articles seeded", count, progress => demo.SeedArticlesAsync(db, count, TimeSpan.FromDays(span), progress));
            Console.WriteLine($"Done: {count:#,0} articles in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return command;
    }

    private static Command SearchCommand(WebApplication app)
    {
        var reindex = new Command("reindex", "Rebuild the full-text search index from the articles, with progress.");
        reindex.SetAction((_, _) => InScopeAsync(app, async (services, db) =>
        {
            var total = await db.Articles.CountAsync();
            var timer = Stopwatch.StartNew();
            try
            {
                var index = services.GetRequiredService<ISearchIndex>();
                await ConsoleProgress.RunAsync("articles indexed", total, progress => index.RebuildAsync(db, progress, default));
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
            Console.WriteLine($"Search index rebuilt: {total:#,0} articles in {timer.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return new Command("search", "The full-text search index.") { reindex };
    }

    private static Command Users(WebApplication app)
    {
        var email = new Option<string>("--email") { Description = "The account's email address (its sign-in name)", Required = true };
        var password = new Option<string>("--password") { Description = "Its password", Required = true };
        var role = new Option<string>("--role") { Description = "admin, editor, author or reader (default reader)", DefaultValueFactory = _ => Data.Identity.Roles.Reader };
        var name = new Option<string?>("--name") { Description = "The display name (default: from the email address)" };
        var create = new Command("create", "Create a confirmed account in a role (the scriptable way to make the first admin).") { email, password, role, name };
        create.SetAction((parse, _) => InScopeAsync(app, (services, _) =>
            UserCommands.CreateAsync(services, parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(role)!, parse.GetValue(name))));
        return new Command("users", "Accounts.") { create };
    }

    private static Command ImportWordPress(WebApplication app)
    {
        var file = new Argument<string>("FILE.xml") { Description = "A WordPress WXR export (Tools > Export > All content)" };
        var uploads = new Option<string?>("--uploads") { Description = "A copy of wp-content/uploads, for featured pictures" };
        var sections = new Option<string?>("--sections") { Description = $"The top N categories by posts (default {ImportOptions.DefaultSections}), or these slugs or names (a,b,c), become sections; the rest become tags" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Do it all and print the summary, but write nothing" };
        var wordpress = new Command("wordpress", "Bring in a WordPress export in one transaction and print a summary.") { file, uploads, sections, dryRun };
        wordpress.SetAction((parse, _) => InScopeAsync(app, (services, _) =>
            ImportCommand.RunAsync(services, parse.GetValue(file)!, parse.GetValue(uploads), parse.GetValue(sections), parse.GetValue(dryRun))));
        return new Command("import", "Import another site's content.") { wordpress };
    }

    private static Command Backup(WebApplication app)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the copy (its keys go to FILE.keys/)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup", "A consistent copy of the live SQLite database and its keys; on PostgreSQL, the pg_dump command to use.") { file, force };
        // A backup only reads: it must not migrate or otherwise touch the live database first.
        command.SetAction((parse, _) => BackupCommand.RunAsync(app.Configuration, app.Environment, parse.GetValue(file)!, parse.GetValue(force)));
        return command;
    }

    private static Command VotesCommand(WebApplication app)
    {
        var reconcile = new Command("reconcile", "Recount every article's votes from the vote rows; repair and log any difference.");
        reconcile.SetAction((_, ct) => InScopeAsync(app, async (services, db) =>
        {
            var (checkedCount, repaired) = await services.GetRequiredService<Votes.VoteReconciliation>().AllAsync(db, ct);
            Console.WriteLine($"Votes reconciled: {checkedCount:#,0} articles checked, {repaired:#,0} repaired.");
            return 0;
        }));
        return new Command("votes", "Vote counts.") { reconcile };
    }
}
