using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data.Migrations.Sqlite;

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options)
{
    // An article row holds its body three times (Markdown, HTML, text), about 12 KB; with 4 KB
    // pages every row spills into an overflow chain. The size only takes on an empty file.
    public override Task BeforeMigrateAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("PRAGMA page_size = 16384;", ct);

    // WAL lets readers carry on while a writer commits; the setting is stored in the file.
    public override Task AfterMigrateAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    // A 100k-article load touches far more index pages than the default 2 MB cache holds.
    // NORMAL is the durable setting for WAL: a crash can lose the last commits, never corrupt the file.
    public override Task BeforeBulkLoadAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL;", ct);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text and forgets its kind; every time in Broadsheet is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    // Internal, not private: the compiled model (Data/CompiledModels/Sqlite) constructs it.
    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBroadsheetDb>
{
    public SqliteBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite("Data Source=design-time.db").Options);
}
