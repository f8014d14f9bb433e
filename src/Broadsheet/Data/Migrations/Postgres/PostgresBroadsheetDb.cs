using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Broadsheet.Data.Migrations.Postgres;

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options)
{
    // Registration, outages and backup live with the provider (Data/Providers/Postgres).

    public override Task<int[]?> ReserveIdsAsync(string table, int count, CancellationToken ct) =>
        Providers.Postgres.PostgresBulkCopy.ReserveIdsAsync(this, table, count, ct);

    public override Task BulkInsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct) =>
        Providers.Postgres.PostgresBulkCopy.WriteAsync(this, table, columns, rows, ct);
}

/// <summary>Lets `dotnet ef migrations add` build the context without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBroadsheetDb>
{
    public PostgresBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
