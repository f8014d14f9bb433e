using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Broadsheet.Data.Identity;

namespace Broadsheet.Data;

/// <summary>
/// The one model for both providers. Each provider has a subclass in Data/Migrations/&lt;Provider&gt;
/// so that each keeps its own migration set; the rest of the app only sees this type.
/// </summary>
public abstract class BroadsheetDb(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    // Each feature adds its own sets as extension members (Articles/ArticleTables.cs, ...), so Data knows no feature.

    /// <summary>PostgreSQL keeps Data Protection keys here, shared by every instance (SQLite: data/keys).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// This provider's migration ids, oldest first, as `dotnet ef migrations add` named them. EF finds
    /// its migrations by reading the attributes of every type in the assembly (thousands: compiled
    /// views and models), which was 6 % of a start before listening (docs/benchmarks.md, issue 15);
    /// the start's "is one pending" check only needs the ids. Add the new id here with each migration.
    /// </summary>
    public abstract IReadOnlyList<string> MigrationIds { get; }

    /// <summary>Applies migrations with the provider's tuning around them (EF takes a lock, so N instances may start at once).</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await BeforeMigrateAsync(ct);
        await Database.MigrateAsync(ct);
        await AfterMigrateAsync(ct);
    }

    /// <summary>Provider tuning that must come before the first table exists (SQLite's page size).</summary>
    public virtual Task BeforeMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider tuning that must follow a migration (SQLite turns on WAL here).</summary>
    public virtual Task AfterMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider tuning for a large load on the open connection (SQLite enlarges its page cache).</summary>
    public virtual Task BeforeBulkLoadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// How many connections a bulk load (seed, reindex) should write on at once. PostgreSQL runs each
    /// connection's statements on its own process, so two batches parse their text on two cores;
    /// SQLite has one writer, so a second connection would only wait for the first.
    /// </summary>
    public virtual int BulkWriters => 1;

    /// <summary>
    /// Ids taken in advance for <paramref name="count"/> rows of a bulk load, so they can be written
    /// with <see cref="BulkInsertAsync"/>; null where ids are only handed out by an INSERT (SQLite,
    /// whose row-at-a-time inserts on one connection are already cheap).
    /// </summary>
    public virtual Task<int[]?> ReserveIdsAsync(string table, int count, CancellationToken ct) => Task.FromResult<int[]?>(null);

    /// <summary>
    /// Writes rows on the open connection, inside the caller's transaction; columns not named get
    /// their defaults. Only called after <see cref="ReserveIdsAsync"/> gave ids (PostgreSQL: binary COPY).
    /// </summary>
    public virtual Task BulkInsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct) =>
        throw new NotSupportedException("This provider reserves no ids, so it has no bulk insert.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables, renamed by the configurations below
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BroadsheetDb).Assembly);
    }
}
