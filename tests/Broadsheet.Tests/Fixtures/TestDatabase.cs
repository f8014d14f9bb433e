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

    public async Task CreateAsync()
    {
        if (IsPostgres)
        {
            var server = PostgresServer.Shared;
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
            ConnectionString = server.ConnectionStringFor(name);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests");
            Directory.CreateDirectory(folder);
            sqliteFile = Path.Combine(folder, name + ".db");
            ConnectionString = $"Data Source={sqliteFile}";
        }
    }

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
