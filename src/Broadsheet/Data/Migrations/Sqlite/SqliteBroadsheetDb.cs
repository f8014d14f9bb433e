using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data.Migrations.Sqlite;

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options)
{
    // Kept by hand (see BroadsheetDb.MigrationIds): the start's pending check reads this instead of
    // EF's scan of every type in the assembly; Host/CompiledModelTests fails when it differs from EF's.
    public override IReadOnlyList<string> MigrationIds => Ids;

    private static readonly string[] Ids =
    [
        "20261125065449_Foundation",
        "20261125070736_SearchIndex",
        "20261125091053_Accounts",
        "20261125092923_Engagement",
        "20261129110144_Distribution",
        "20261129114746_Newsroom",
        "20261129160816_CompactReaderKeys",
        "20261206172028_MailOutbox",
        "20261206201113_ImportFingerprints",
        "20261206205956_BrowserKeys",
        "20261206235132_DropRateLimitCounters",
        "20261207001937_StaticPages",
        "20261207022425_Corrections",
        "20261207022506_RankedArticles",
        "20261207024651_SubstantiveUpdates",
        "20261207054331_PictureCredits",
        "20261207054551_OutboxAtScale",
        "20261207055026_PageReactions",
        "20261207055255_LiveCoverage",
        "20261207060000_SearchLiveIndex",
        "20261207060922_Newsletters",
        "20261207062227_Bylines",
        "20261207094707_DeepPageIndexes",
        "20261207094749_BylineListing",
    ];

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
