using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data.Migrations.Sqlite;

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options)
{
    public const string DefaultConnection = "Data Source=data/broadsheet.db";

    /// <summary>Registers the context; returns the database file's full path.</summary>
    public static string Register(IServiceCollection services, string? connectionString, string contentRoot)
    {
        var cs = UnderContentRoot(connectionString ?? DefaultConnection, contentRoot);
        services.AddDbContextPool<BroadsheetDb, SqliteBroadsheetDb>(o => o.UseSqlite(cs));
        return new SqliteConnectionStringBuilder(cs).DataSource;
    }

    /// <summary>A relative file lives under the content root, and its folder is made on first start.</summary>
    public static string UnderContentRoot(string connectionString, string contentRoot)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (b.DataSource is "" or ":memory:" || b.Mode == SqliteOpenMode.Memory) return b.ToString();
        if (!Path.IsPathRooted(b.DataSource)) b.DataSource = Path.Combine(contentRoot, b.DataSource);
        var folder = Path.GetDirectoryName(b.DataSource);
        if (!string.IsNullOrEmpty(folder) && b.Mode is SqliteOpenMode.ReadWriteCreate) Directory.CreateDirectory(folder);
        return b.ToString();
    }

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

    // One gate per database file, shared by every context in the process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public override async ValueTask<IDisposable> WriteGateAsync(CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;
        public void Dispose() { if (Interlocked.Exchange(ref released, 1) == 0) gate.Release(); }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text and forgets its kind; every time in Broadsheet is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBroadsheetDb>
{
    public SqliteBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite("Data Source=design-time.db").Options);
}
