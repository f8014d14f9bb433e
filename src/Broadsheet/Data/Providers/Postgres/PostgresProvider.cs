using Broadsheet.Data.Migrations.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Data.Providers.Postgres;

/// <summary>PostgreSQL: registration, outages, backup (pg_dump). Rows are locked by the server, so there is no write gate.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public static readonly PostgresProvider Instance = new();

    private PostgresProvider() { }

    public void Register(IServiceCollection services, IConfiguration config, IHostEnvironment env, IDataProtectionBuilder protection)
    {
        var connectionString = config.GetConnectionString("Broadsheet");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Broadsheet is empty.");
        services.AddDbContextPool<BroadsheetDb, PostgresBroadsheetDb>(o => o.UseNpgsql(connectionString));
        services.AddSingleton<IPreparedReads>(sp => new PostgresPreparedReads(connectionString, PreparedReadLog.For(sp.GetRequiredService<ILoggerFactory>())));
        // In the database every instance shares, so a cookie or form token made by one
        // instance is read by all of them.
        protection.PersistKeysToDbContext<BroadsheetDb>();
    }

    public T Choose<T>(T sqlite, T postgres) => postgres;

    public string SkipLockedRows => "FOR UPDATE SKIP LOCKED";

    public bool IsOutage(Exception ex) => ex switch
    {
        // Server-side refusals: shutting down, starting up, out of connections, connection lost.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        // Any other Npgsql error is client-side: refused socket, broken stream, connect timeout.
        // (A PostgresException that is a bug, such as a constraint violation, was handled above.)
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>pg_dump is the right tool here: it prints the command for the configured connection instead.</summary>
    public Task<int> BackupAsync(IConfiguration config, IHostEnvironment env, string target, bool force)
    {
        Console.Error.WriteLine("The database is PostgreSQL: back it up with pg_dump, which takes a consistent snapshot while the app runs.");
        Console.Error.WriteLine("For the configured connection (the password from PGPASSWORD or ~/.pgpass):");
        Console.Error.WriteLine("  " + PgDumpCommand.For(config.GetConnectionString("Broadsheet") ?? "", target));
        Console.Error.WriteLine("Restore with pg_restore --clean --if-exists --dbname=... FILE. Data Protection keys live in the database, so the dump holds them.");
        return Task.FromResult(2);
    }
}
