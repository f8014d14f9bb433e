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
}

/// <summary>Picks the provider named by Database:Provider.</summary>
public static class DatabaseProviders
{
    public static readonly IDatabaseProvider[] All = [Sqlite.SqliteProvider.Instance, Postgres.PostgresProvider.Instance];

    public static IDatabaseProvider For(IConfiguration config) => DataServices.ProviderFrom(config) switch
    {
        DatabaseProvider.Postgres => Postgres.PostgresProvider.Instance,
        _ => Sqlite.SqliteProvider.Instance,
    };
}
