using Broadsheet.Articles;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>
/// The one model for both providers. Each provider has a subclass in Data/Migrations/&lt;Provider&gt;
/// so that each keeps its own migration set; the rest of the app only sees this type.
/// </summary>
public abstract class BroadsheetDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();

    /// <summary>Shared by every instance, so a cookie or form token made by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Provider tuning that must come before the first table exists (SQLite's page size).</summary>
    public virtual Task BeforeMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider tuning that must follow a migration (SQLite turns on WAL here).</summary>
    public virtual Task AfterMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider tuning for a large load on the open connection (SQLite enlarges its page cache).</summary>
    public virtual Task BeforeBulkLoadAsync(CancellationToken ct) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BroadsheetDb).Assembly);
}
