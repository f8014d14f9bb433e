using Broadsheet.Articles;
using Broadsheet.Data;
using Broadsheet.Data.Migrations.Postgres;
using Broadsheet.Data.Migrations.Sqlite;
using Broadsheet.Tests.Fixtures;
using Broadsheet.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Tests.Views;

/// <summary>
/// The viewers table's reader keys went from text to numbers (migration CompactReaderKeys).
/// An upgrade mid-day must keep today's rows meaning the same readers, or each of them would be
/// counted a second time after the upgrade.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReaderKeyMigrationTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /// <summary>The key as it was written before the migration: the hash's first 32 hex digits, or "u:{id}".</summary>
    private static string TextKey(byte[] salt, string ip, string ua) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(ip + "\n" + ua)))[..32];

    private static BroadsheetDb Open(string connectionString) => TestDatabase.IsPostgres
        ? new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(connectionString).Options)
        : new SqliteBroadsheetDb(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite(connectionString).Options);

    /// <summary>
    /// Inserts the story through only the columns its table has at the migration the database is
    /// on: the model is today's, so EF's own insert would name columns added by later migrations.
    /// </summary>
    private static async Task InsertAsOfThisMigrationAsync(BroadsheetDb db, Article article)
    {
        var existing = TestDatabase.IsPostgres
            ? await db.Database.SqlQueryRaw<string>("""SELECT column_name AS "Value" FROM information_schema.columns WHERE table_name = 'Articles'""").ToListAsync()
            : await db.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM pragma_table_info('Articles')""").ToListAsync();
        var table = StoreObjectIdentifier.Table("Articles", null);
        var columns = new List<string>();
        var values = new List<object>();
        foreach (var property in db.Model.FindEntityType(typeof(Article))!.GetProperties())
        {
            if (property.GetColumnName(table) is not { } column || !existing.Contains(column)) continue;
            // A null is left to the column's default, which is NULL for every nullable column.
            if (property.GetGetter().GetClrValueUsingContainingEntity(article) is not { } value) continue;
            columns.Add(column);
            values.Add(property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value)! : value);
        }
        var sql = $"""INSERT INTO "Articles" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"{{{i}}}"))})""";
        await db.Database.ExecuteSqlRawAsync(sql, values);
    }

    [Fact]
    public async Task Upgrading_mid_day_keeps_todays_readers_so_none_is_counted_twice()
    {
        await using var database = new TestDatabase();
        await database.CreateAsync();
        await using var db = Open(database.ConnectionString);
        var migrations = db.Database.GetMigrations().ToList();
        var compact = migrations.FindIndex(m => m.EndsWith("_CompactReaderKeys", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[compact - 1]);

        var category = db.Categories.Add(new Category { Name = "Harbour", Slug = "harbour", Position = 1 }).Entity;
        var author = db.Authors.Add(new Author { DisplayName = "Ines Ferreira", Slug = "ines-ferreira", Bio = "Covers the port." }).Entity;
        await db.SaveChangesAsync();
        var article = TestNewsroom.Story();
        (article.Id, article.CategoryId, article.AuthorId) = (1, category.Id, author.Id);
        await InsertAsOfThisMigrationAsync(db, article);

        var salt = RandomNumberGenerator.GetBytes(32);
        var ips = Enumerable.Range(1, 40).Select(i => $"198.51.100.{i}").ToList(); // about half the hashes have the top bit set
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var key in ips.Select(ip => TextKey(salt, ip, Firefox)).Append("u:42"))
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ArticleViewers" ("ArticleId", "Day", "Reader") VALUES ({article.Id}, {day}, {key})""");

        await db.GetService<IMigrator>().MigrateAsync();

        var readers = await db.ArticleViewers.Where(v => v.ArticleId == article.Id && v.Day == day).Select(v => v.Reader).ToListAsync();
        readers.Order().ShouldBe(ips.Select(ip => ReaderKey.ForAnonymous(salt, ip, Firefox)).Append(ReaderKey.ForUser(42)).Order());
    }
}
