using Broadsheet.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Npgsql;
using System.Data.Common;

namespace Broadsheet.Tests.Host;

[Trait("Category", "Integration")]
[LongRunning(110)]
public sealed class CommandLineTests
{
    [Fact]
    public async Task Migrate_creates_the_schema_and_seed_adds_articles_with_progress()
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();

        var (migrated, migrateOutput) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "migrate");
        migrated.ShouldBe(0, migrateOutput);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "__EFMigrationsHistory" """)).ShouldBeGreaterThan(0);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Articles" """)).ShouldBe(0);

        var (seeded, seedOutput) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "seed", "--articles", "2500");
        seeded.ShouldBe(0, seedOutput);
        seedOutput.ShouldContain("2,000/2,500 articles seeded");
        seedOutput.ShouldContain("Done: 2,500 articles");
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Articles" """)).ShouldBe(2500);
        (await ScalarAsync(db, """SELECT COUNT(DISTINCT "Slug") FROM "Articles" """)).ShouldBe(2500);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "Articles" WHERE "BodyHtml" NOT LIKE '<p>%' """)).ShouldBe(0);
        (await ScalarAsync(db, """SELECT COUNT(*) FROM "ArticleTags" """)).ShouldBeGreaterThanOrEqualTo(2 * 2500);
        // The load pauses per-row index upkeep and indexes each batch at once: the index must still match.
        await IndexMatchesTheArticlesAsync(db);

        // A second load appends to the first (on PostgreSQL on parallel connections, as the first did).
        var (appended, appendOutput) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "seed", "--articles", "2100");
        appended.ShouldBe(0, appendOutput);
        (await ScalarAsync(db, """SELECT COUNT(DISTINCT "Slug") FROM "Articles" """)).ShouldBe(4600);
        await IndexMatchesTheArticlesAsync(db);
    }

    private static async Task IndexMatchesTheArticlesAsync(TestDatabase db)
    {
        if (TestDatabase.IsPostgres)
        {
            // Every published or scheduled story is in the search table, with its vectors, and nothing else is.
            (await ScalarAsync(db, """
                SELECT COUNT(*) FROM "Articles" a
                WHERE (a."Status" IN ('Published', 'Scheduled')) <> EXISTS (
                    SELECT 1 FROM "ArticleSearchLive" s WHERE s."ArticleId" = a."Id" AND length(s."SearchVector") > 0 AND length(s."TitleVector") > 0)
                """)).ShouldBe(0);
            (await ScalarAsync(db, """SELECT COUNT(*) FROM "ArticleSearchLive" """)).ShouldBeGreaterThan(0);
        }
        else
            (await ScalarAsync(db, """INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES('integrity-check', 1); SELECT COUNT(*) FROM "SearchIndexPause" """)).ShouldBe(0);
    }

    [Fact]
    public async Task Search_reindex_rebuilds_the_index_with_progress_and_search_still_finds_articles()
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();
        (await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "seed", "--articles", "300")).ExitCode.ShouldBe(0);
        var title = await StringAsync(db, """SELECT "Title" FROM "Articles" WHERE "Status" = 'Published' ORDER BY "Id" LIMIT 1""");

        var (code, output) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), "search", "reindex");

        code.ShouldBe(0, output);
        output.ShouldContain("[##############################] 300/300 articles indexed");
        output.ShouldContain("Search index rebuilt: 300 articles");
        var phrase = Broadsheet.Search.SearchQuery.Parse('"' + title + '"');
        var matches = TestDatabase.IsPostgres
            ? await ScalarAsync(db, $"SELECT COUNT(*) FROM \"ArticleSearchLive\" WHERE \"SearchVector\" @@ websearch_to_tsquery('english', '{phrase.ToWebSearch()}')")
            : await ScalarAsync(db, $"SELECT COUNT(*) FROM \"ArticleSearch\" WHERE \"ArticleSearch\" MATCH '{phrase.ToFts5()}'");
        matches.ShouldBeGreaterThanOrEqualTo(1);
        if (!TestDatabase.IsPostgres)
            (await ScalarAsync(db, """INSERT INTO "ArticleSearch"("ArticleSearch", rank) VALUES('integrity-check', 1); SELECT 1""")).ShouldBe(1);
    }

    [Theory]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "lots")]
    [InlineData("--articles")]
    public async Task Seed_refuses_a_bad_count_and_writes_nothing(params string[] options)
    {
        await using var db = new TestDatabase();
        await db.CreateAsync();

        var (code, output) = await AppProcess.RunAsync(Path.GetTempPath(), AppProcess.For(db), ["seed", .. options]);

        code.ShouldBe(2);
        output.ShouldContain("usage: seed --articles N");
    }

    private static async Task<long> ScalarAsync(TestDatabase db, string sql) => Convert.ToInt64(await QueryAsync(db, sql));

    private static async Task<string> StringAsync(TestDatabase db, string sql) => (string)(await QueryAsync(db, sql))!;

    private static async Task<object?> QueryAsync(TestDatabase db, string sql)
    {
        await using DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(db.ConnectionString)
            : new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

public sealed class SqliteDefaultsTests
{
    [Fact]
    public async Task By_default_the_database_is_data_broadsheet_db_under_the_content_root_in_WAL_mode()
    {
        var root = Directory.CreateTempSubdirectory("broadsheet-root-").FullName;
        try
        {
            var (code, output) = await AppProcess.RunAsync(root, new Dictionary<string, string>(), "migrate");

            code.ShouldBe(0, output);
            var file = Path.Combine(root, "data", "broadsheet.db");
            File.Exists(file).ShouldBeTrue();
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode";
            (await pragma.ExecuteScalarAsync()).ShouldBe("wal");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
