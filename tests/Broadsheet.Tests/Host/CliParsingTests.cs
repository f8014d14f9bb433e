using Broadsheet.Host;
using Broadsheet.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Tests.Host;

/// <summary>
/// The operator command line (Host/Cli.cs, System.CommandLine) as an operator meets it: the real
/// app as its own process in a fresh content root. Help and a bad command line both answer before
/// anything is opened, so neither may leave a database behind.
/// </summary>
[Trait("Category", "Integration")]
[LongRunning(40)]
public sealed class CliParsingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("broadsheet-cli-").FullName;

    private string Database => Path.Combine(root, "data", "broadsheet.db");

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        AppProcess.RunAsync(root, new Dictionary<string, string>(), args);

    [Theory]
    [InlineData("migrate --help", "Apply the database migrations")]
    [InlineData("seed --help", "--articles|--days|1 to 10,000,000")]
    [InlineData("search --help", "reindex")]
    [InlineData("search reindex --help", "Rebuild the full-text search index")]
    [InlineData("users create --help", "--email|--password|--role|--name")]
    [InlineData("import wordpress --help", "FILE.xml|--uploads|--sections|--dry-run")]
    [InlineData("backup --help", "FILE|--force")]
    [InlineData("votes reconcile -h", "Recount every article's votes")]
    public async Task Help_on_each_command_describes_its_options_and_touches_nothing(string command, string expected)
    {
        var (code, output) = await RunAsync(command.Split(' '));

        code.ShouldBe(0, output);
        output.ShouldContain("Usage:");
        foreach (var part in expected.Split('|')) output.ShouldContain(part);
        File.Exists(Database).ShouldBeFalse("help must not open or create the database");
    }

    [Theory]
    [InlineData("seed --bogus", "Unrecognized command or argument '--bogus'", "usage: seed --articles N")]
    [InlineData("seed --articles lots", "lots", "usage: seed --articles N")]
    [InlineData("seed --articles 0", "--articles must be from 1 to 10,000,000, not 0.", "usage: seed --articles N")]
    [InlineData("seed --days 4000", "--days must be from 1 to 3,650", "usage: seed --articles N")]
    [InlineData("search", "Required command was not provided", "usage: search reindex")]
    [InlineData("search rebuild", "Unrecognized command or argument 'rebuild'", "usage: search reindex")]
    [InlineData("users create --email a@example.test", "--password", "usage: users create")]
    [InlineData("import wordpress", "Required argument missing", "usage: import wordpress FILE.xml")]
    [InlineData("import wordpress export.xml --uploads", "--uploads", "usage: import wordpress FILE.xml")]
    [InlineData("backup a.db --quick", "Unrecognized command or argument '--quick'", "usage: backup FILE [--force]")]
    [InlineData("votes reconcile --all", "Unrecognized command or argument '--all'", "usage: votes reconcile")]
    [InlineData("migrate now", "Unrecognized command or argument 'now'", "usage: migrate")]
    public async Task A_bad_command_line_exits_2_with_the_error_and_the_usage_and_writes_nothing(string command, string error, string usage)
    {
        var (code, output) = await RunAsync(command.Split(' '));

        code.ShouldBe(2, output);
        output.ShouldContain(error);
        output.ShouldContain(usage);
        output.ShouldContain($"Run '{command.Split(' ')[0]} --help' for more.");
        File.Exists(Database).ShouldBeFalse("a refused command line must not open or create the database");
    }

    [Fact]
    public async Task Configuration_given_on_the_command_line_still_reaches_the_command()
    {
        var other = Path.Combine(root, "elsewhere.db");

        var (code, output) = await RunAsync("migrate", "--ConnectionStrings:Broadsheet", $"Data Source={other}");

        code.ShouldBe(0, output);
        output.ShouldContain("Migrations applied.");
        File.Exists(other).ShouldBeTrue();
        File.Exists(Database).ShouldBeFalse();
    }

    [Theory]
    [InlineData("import|wordpress|x.xml|--Database:Provider|Sqlite|--dry-run", "import|wordpress|x.xml|--dry-run")]
    [InlineData("seed|--ConnectionStrings:Broadsheet=Data Source=a.db|--articles|5", "seed|--articles|5")]
    [InlineData("seed|--articles|5", "seed|--articles|5")]
    public void Configuration_keys_are_taken_out_before_the_command_is_parsed(string given, string parsed)
    {
        Cli.CommandArgs(given.Split('|')).ShouldBe(parsed.Split('|'));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
