using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Data.Providers;

/// <summary>
/// Everything that differs between database engines, outside migrations and search: one class
/// per engine (<see cref="Sqlite.SqliteProvider"/>, <see cref="Postgres.PostgresProvider"/>).
/// Feature code only sees <see cref="BroadsheetDb"/> and never asks which engine it is on.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>Registers the context for ConnectionStrings:Broadsheet and where Data Protection keeps its keys.</summary>
    void Register(IServiceCollection services, IConfiguration config, IHostEnvironment env, IDataProtectionBuilder protection);

    /// <summary>Whether this one exception (not its inner ones) is the engine saying "unreachable right now".</summary>
    bool IsOutage(Exception ex);

    /// <summary>The `backup FILE [--force]` command for this engine; returns the exit code.</summary>
    Task<int> BackupAsync(IConfiguration config, IHostEnvironment env, string target, bool force);

    /// <summary>
    /// Picks one of two implementations by engine: search keeps a full-text index per engine
    /// (Search/README.md), so it asks the provider rather than reading Database:Provider itself.
    /// </summary>
    T Choose<T>(T sqlite, T postgres);

    /// <summary>
    /// Appended to the SELECT inside a claim (`UPDATE ... WHERE "Id" IN (SELECT ... LIMIT n /here/)`),
    /// so concurrent claimers take different rows instead of queueing on the same ones: PostgreSQL's
    /// `FOR UPDATE SKIP LOCKED`; SQLite has one writer at a time and needs nothing.
    /// </summary>
    string SkipLockedRows { get; }
}

/// <summary>Picks the provider named by Database:Provider.</summary>
public static class DatabaseProviders
{
    public static readonly IDatabaseProvider[] All = [Sqlite.SqliteProvider.Instance, Postgres.PostgresProvider.Instance];

    /// <summary>Database:Provider: Sqlite (the default), Postgres or PostgreSQL, in any case.</summary>
    public static IDatabaseProvider For(IConfiguration config)
    {
        var raw = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(raw) || raw.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return Sqlite.SqliteProvider.Instance;
        if (raw.Trim() is var name && (name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)))
            return Postgres.PostgresProvider.Instance;
        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{raw}'.");
    }
}
