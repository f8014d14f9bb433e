using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Broadsheet.Data.Migrations.Postgres;

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options)
{
    // Kept by hand (see BroadsheetDb.MigrationIds): the start's pending check reads this instead of
    // EF's scan of every type in the assembly; Host/CompiledModelTests fails when it differs from EF's.
    public override IReadOnlyList<string> MigrationIds => Ids;

    private static readonly string[] Ids =
    [
        "20261125065459_Foundation",
        "20261125070746_SearchIndex",
        "20261125091102_Accounts",
        "20261125092932_Engagement",
        "20261129110320_Distribution",
        "20261129114833_Newsroom",
        "20261129160821_CompactReaderKeys",
        "20261206172038_MailOutbox",
        "20261206200000_SearchHeadline",
        "20261206201130_ImportFingerprints",
        "20261206210042_BrowserKeys",
        "20261206235155_DropRateLimitCounters",
        "20261207002005_StaticPages",
        "20261207022452_Corrections",
        "20261207022529_RankedArticles",
        "20261207024716_SubstantiveUpdates",
        "20261207054358_PictureCredits",
        "20261207054618_OutboxAtScale",
        "20261207055057_PageReactions",
        "20261207055325_LiveCoverage",
        "20261207060000_SearchBulkVectors",
        "20261207060952_Newsletters",
        "20261207062255_Bylines",
        "20261207093000_SearchLiveTable",
        "20261207094737_DeepPageIndexes",
        "20261207094815_BylineListing",
        "20261207220000_SearchVectorsOnce",
        "20261208010000_SearchSyncSteady",
    ];

    // Registration, outages and backup live with the provider (Data/Providers/Postgres).

    // One backend per core parses text; at least two, so the app's own work overlaps one of them.
    public override int BulkWriters => Math.Clamp(Environment.ProcessorCount, 2, 8);

    // An article's three copies of its body (Markdown, HTML, text) go to TOAST compressed: lz4 does
    // it at half pglz's CPU (COPY of 5,000 articles: 0.8 s against 1.5 s of PostgreSQL CPU), for
    // this load's connection only. Both read back the same; a server built without lz4 keeps pglz.
    public override Task BeforeBulkLoadAsync(CancellationToken ct) => Database.ExecuteSqlRawAsync(
        "DO $$ BEGIN SET default_toast_compression = 'lz4'; EXCEPTION WHEN invalid_parameter_value THEN NULL; END $$", ct);

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
