using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Tests.Fixtures;

/// <summary>
/// A database of the test's own: a fresh SQLite file, or a fresh database on the shared
/// PostgreSQL test server. BROADSHEET_TEST_PROVIDER=Postgres selects the second, so the
/// same integration suite runs on both providers.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string Provider =>
        string.Equals(Environment.GetEnvironmentVariable("BROADSHEET_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? "Postgres" : "Sqlite";

    public static bool IsPostgres => Provider == "Postgres";

    private readonly string name = $"bs_{Guid.NewGuid():N}";
    private string? sqliteFile;

    public string ConnectionString { get; private set; } = "";

    /// <summary>An empty database: nothing in it, not even the migrations history.</summary>
    public Task CreateAsync() => CreateAsync(template: null);

    /// <summary>
    /// A database as the app's own `migrate` leaves it: a copy of <see cref="MigratedTemplate"/>.
    /// Applying the migrations (EF's model diff and SQL for each of them) was most of an app
    /// fixture's start, paid once per test class; the copy takes milliseconds. Tests of the
    /// migrations themselves and of a first start use <see cref="CreateAsync()"/>.
    /// </summary>
    public async Task CreateMigratedAsync() => await CreateAsync(await MigratedTemplate.Value);

    private async Task CreateAsync(string? template)
    {
        if (IsPostgres)
        {
            var server = PostgresServer.Shared;
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", admin);
            await create.ExecuteNonQueryAsync();
            ConnectionString = server.ConnectionStringFor(name);
        }
        else
        {
            sqliteFile = Path.Combine(SqliteFolder, name + ".db");
            if (template is not null) File.Copy(template, sqliteFile);
            ConnectionString = $"Data Source={sqliteFile}";
        }
    }

    private static string SqliteFolder => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "broadsheet-tests")).FullName;

    /// <summary>
    /// One database per test process that the real `migrate` command (the app as its own process,
    /// as an operator runs it) brought up to date: a SQLite file, or a PostgreSQL database that
    /// CREATE DATABASE ... TEMPLATE copies. The process has exited before anything copies it, so
    /// the file is checkpointed and no session holds the template.
    /// </summary>
    private static readonly Lazy<Task<string>> MigratedTemplate = new(async () =>
    {
        var template = new TestDatabase();
        await template.CreateAsync();
        var (code, output) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(template), "migrate");
        if (code != 0) throw new InvalidOperationException($"The template database could not be migrated:\n{output}");
        // The file goes when the test process ends; on PostgreSQL the cluster goes as a whole.
        if (!IsPostgres) AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template.sqliteFile!);
        return IsPostgres ? template.name : template.sqliteFile!;
    });

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString.Length == 0) return;
        ConnectionString = "";
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.Shared.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(sqliteFile + suffix);
        }
    }
}
