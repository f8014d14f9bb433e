using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 17: the FTS5 index holds only stories a reader may see (published or scheduled), keyed
    /// in publish order, so a search needs no per-match join to the articles:
    /// - rowid = whole seconds of PublishedAt × 2^31 + Id ("ArticleSearchKeys" maps it back), so
    ///   "newest first" is FTS5's own descending rowid walk, which stops after the page, a scheduled
    ///   story not yet due is outside a rowid range, and so is a date filter;
    /// - a "Filters" column of tokens ("c12 a3 t45": section, author, tags) turns the other filters
    ///   into terms of the match; readers' words are column-filtered away from it.
    /// Unpublishing, reverting or deleting takes a story out in the same transaction (triggers).
    /// The model does not change (all of this lives outside it), hence no designer file.
    /// </summary>
    [DbContext(typeof(SqliteBroadsheetDb))]
    [Migration("20261207060000_SearchLiveIndex")]
    public partial class SearchLiveIndex : Migration
    {
        private static readonly string[] OldTriggers = ["ai", "bu", "au", "bd", "tags_bi", "tags_ai", "tags_bd", "tags_ad", "tag_bu", "tag_au", "category_bu", "category_au", "author_bu", "author_au"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in OldTriggers) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"ArticleSearch_{trigger}\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearch\";");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"ArticleSearchSource\";");
            // Search no longer joins its matches to the articles; this index only served that join.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Articles_SearchFilter\";");

            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearchKeys" (
                    "Key" INTEGER NOT NULL PRIMARY KEY,
                    "ArticleId" INTEGER NOT NULL UNIQUE,
                    "PublishedAt" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE VIEW "ArticleSearchSource" AS
                SELECT k."Key", k."ArticleId", a."Title", a."Standfirst", a."BodyText",
                       (SELECT group_concat(t."Name", ' ') FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId" WHERE x."ArticleId" = a."Id") AS "Tags",
                       c."Name" AS "Category", u."DisplayName" AS "Author",
                       'c' || a."CategoryId" || ' a' || a."AuthorId"
                           || coalesce((SELECT ' ' || group_concat('t' || x."TagId", ' ') FROM "ArticleTags" x WHERE x."ArticleId" = a."Id"), '') AS "Filters"
                FROM "ArticleSearchKeys" k
                JOIN "Articles" a ON a."Id" = k."ArticleId"
                JOIN "Categories" c ON c."Id" = a."CategoryId"
                JOIN "Authors" u ON u."Id" = a."AuthorId";
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Standfirst", "BodyText", "Tags", "Category", "Author", "Filters",
                    content='ArticleSearchSource', content_rowid='Key',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);

            const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\", \"Filters\"";
            // External content: a 'delete' must repeat what was indexed, so each change removes the
            // story (as the view still shows it) BEFORE, and adds it back AFTER, if it is still public.
            string Remove(string ids) => $"""
                INSERT INTO "ArticleSearch"("ArticleSearch", rowid, {Columns}) SELECT 'delete', "Key", {Columns} FROM "ArticleSearchSource" WHERE "ArticleId" IN ({ids});
                DELETE FROM "ArticleSearchKeys" WHERE "ArticleId" IN ({ids});
                """;
            // The key in SQL, as SqliteSearchIndex computes "now" in C#: seconds clamped so that
            // × 2^31 stays inside 64 bits (years 1843 to 2096; a story outside keeps its id order).
            string Add(string ids) => $"""
                INSERT INTO "ArticleSearchKeys"("Key", "ArticleId", "PublishedAt")
                SELECT max(-4000000000, min(4000000000, CAST(strftime('%s', a."PublishedAt") AS INTEGER))) * 2147483648 + a."Id", a."Id", a."PublishedAt"
                FROM "Articles" a WHERE a."Id" IN ({ids}) AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL;
                INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Key", {Columns} FROM "ArticleSearchSource" WHERE "ArticleId" IN ({ids});
                """;
            void Trigger(string name, string when, string body) =>
                migrationBuilder.Sql($"CREATE TRIGGER \"{name}\" {when} WHEN NOT EXISTS (SELECT 1 FROM \"SearchIndexPause\") BEGIN {body} END;");

            // Status and PublishedAt now decide whether and where a story is indexed.
            const string Indexed = "UPDATE OF \"Title\", \"Standfirst\", \"BodyText\", \"CategoryId\", \"AuthorId\", \"Status\", \"PublishedAt\" ON \"Articles\"";
            Trigger("ArticleSearch_ai", "AFTER INSERT ON \"Articles\"", Add("new.\"Id\""));
            Trigger("ArticleSearch_bu", "BEFORE " + Indexed, Remove("old.\"Id\""));
            Trigger("ArticleSearch_au", "AFTER " + Indexed, Add("new.\"Id\""));
            Trigger("ArticleSearch_bd", "BEFORE DELETE ON \"Articles\"", Remove("old.\"Id\""));
            Trigger("ArticleSearch_tags_bi", "BEFORE INSERT ON \"ArticleTags\"", Remove("new.\"ArticleId\""));
            Trigger("ArticleSearch_tags_ai", "AFTER INSERT ON \"ArticleTags\"", Add("new.\"ArticleId\""));
            Trigger("ArticleSearch_tags_bd", "BEFORE DELETE ON \"ArticleTags\"", Remove("old.\"ArticleId\""));
            Trigger("ArticleSearch_tags_ad", "AFTER DELETE ON \"ArticleTags\"", Add("old.\"ArticleId\""));
            const string InTag = "SELECT \"ArticleId\" FROM \"ArticleTags\" WHERE \"TagId\" = {0}.\"Id\"";
            Trigger("ArticleSearch_tag_bu", "BEFORE UPDATE OF \"Name\" ON \"Tags\"", Remove(string.Format(InTag, "old")));
            Trigger("ArticleSearch_tag_au", "AFTER UPDATE OF \"Name\" ON \"Tags\"", Add(string.Format(InTag, "new")));
            Trigger("ArticleSearch_category_bu", "BEFORE UPDATE OF \"Name\" ON \"Categories\"", Remove("SELECT \"Id\" FROM \"Articles\" WHERE \"CategoryId\" = old.\"Id\""));
            Trigger("ArticleSearch_category_au", "AFTER UPDATE OF \"Name\" ON \"Categories\"", Add("SELECT \"Id\" FROM \"Articles\" WHERE \"CategoryId\" = new.\"Id\""));
            Trigger("ArticleSearch_author_bu", "BEFORE UPDATE OF \"DisplayName\" ON \"Authors\"", Remove("SELECT \"Id\" FROM \"Articles\" WHERE \"AuthorId\" = old.\"Id\""));
            Trigger("ArticleSearch_author_au", "AFTER UPDATE OF \"DisplayName\" ON \"Authors\"", Add("SELECT \"Id\" FROM \"Articles\" WHERE \"AuthorId\" = new.\"Id\""));

            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearchKeys"("Key", "ArticleId", "PublishedAt")
                SELECT max(-4000000000, min(4000000000, CAST(strftime('%s', a."PublishedAt") AS INTEGER))) * 2147483648 + a."Id", a."Id", a."PublishedAt"
                FROM "Articles" a WHERE a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL;
                INSERT INTO "ArticleSearch"("ArticleSearch") VALUES('rebuild');
                """);
        }

        /// <summary>Back to the shape of the SearchIndex migration: every article, keyed by id.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in OldTriggers) migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"ArticleSearch_{trigger}\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearch\";");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"ArticleSearchSource\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearchKeys\";");
            migrationBuilder.Sql("""
                CREATE VIEW "ArticleSearchSource" AS
                SELECT a."Id", a."Title", a."Standfirst", a."BodyText",
                       (SELECT group_concat(t."Name", ' ') FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId" WHERE x."ArticleId" = a."Id") AS "Tags",
                       c."Name" AS "Category", u."DisplayName" AS "Author"
                FROM "Articles" a
                JOIN "Categories" c ON c."Id" = a."CategoryId"
                JOIN "Authors" u ON u."Id" = a."AuthorId";
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Standfirst", "BodyText", "Tags", "Category", "Author",
                    content='ArticleSearchSource', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\"";
            string Remove(string where) => $"""INSERT INTO "ArticleSearch"("ArticleSearch", rowid, {Columns}) SELECT 'delete', "Id", {Columns} FROM "ArticleSearchSource" WHERE {where};""";
            string Add(string where) => $"""INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Id", {Columns} FROM "ArticleSearchSource" WHERE {where};""";
            void Trigger(string name, string when, string body) =>
                migrationBuilder.Sql($"CREATE TRIGGER \"{name}\" {when} WHEN NOT EXISTS (SELECT 1 FROM \"SearchIndexPause\") BEGIN {body} END;");
            const string Indexed = "UPDATE OF \"Title\", \"Standfirst\", \"BodyText\", \"CategoryId\", \"AuthorId\" ON \"Articles\"";
            Trigger("ArticleSearch_ai", "AFTER INSERT ON \"Articles\"", Add("\"Id\" = new.\"Id\""));
            Trigger("ArticleSearch_bu", "BEFORE " + Indexed, Remove("\"Id\" = old.\"Id\""));
            Trigger("ArticleSearch_au", "AFTER " + Indexed, Add("\"Id\" = new.\"Id\""));
            Trigger("ArticleSearch_bd", "BEFORE DELETE ON \"Articles\"", Remove("\"Id\" = old.\"Id\""));
            Trigger("ArticleSearch_tags_bi", "BEFORE INSERT ON \"ArticleTags\"", Remove("\"Id\" = new.\"ArticleId\""));
            Trigger("ArticleSearch_tags_ai", "AFTER INSERT ON \"ArticleTags\"", Add("\"Id\" = new.\"ArticleId\""));
            Trigger("ArticleSearch_tags_bd", "BEFORE DELETE ON \"ArticleTags\"", Remove("\"Id\" = old.\"ArticleId\""));
            Trigger("ArticleSearch_tags_ad", "AFTER DELETE ON \"ArticleTags\"", Add("\"Id\" = old.\"ArticleId\""));
            const string InTag = "\"Id\" IN (SELECT \"ArticleId\" FROM \"ArticleTags\" WHERE \"TagId\" = {0}.\"Id\")";
            Trigger("ArticleSearch_tag_bu", "BEFORE UPDATE OF \"Name\" ON \"Tags\"", Remove(string.Format(InTag, "old")));
            Trigger("ArticleSearch_tag_au", "AFTER UPDATE OF \"Name\" ON \"Tags\"", Add(string.Format(InTag, "new")));
            Trigger("ArticleSearch_category_bu", "BEFORE UPDATE OF \"Name\" ON \"Categories\"", Remove("\"Id\" IN (SELECT \"Id\" FROM \"Articles\" WHERE \"CategoryId\" = old.\"Id\")"));
            Trigger("ArticleSearch_category_au", "AFTER UPDATE OF \"Name\" ON \"Categories\"", Add("\"Id\" IN (SELECT \"Id\" FROM \"Articles\" WHERE \"CategoryId\" = new.\"Id\")"));
            Trigger("ArticleSearch_author_bu", "BEFORE UPDATE OF \"DisplayName\" ON \"Authors\"", Remove("\"Id\" IN (SELECT \"Id\" FROM \"Articles\" WHERE \"AuthorId\" = old.\"Id\")"));
            Trigger("ArticleSearch_author_au", "AFTER UPDATE OF \"DisplayName\" ON \"Authors\"", Add("\"Id\" IN (SELECT \"Id\" FROM \"Articles\" WHERE \"AuthorId\" = new.\"Id\")"));
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchFilter" ON "Articles" ("Id", "Status", "PublishedAt", "CategoryId", "AuthorId");""");
            migrationBuilder.Sql("INSERT INTO \"ArticleSearch\"(\"ArticleSearch\") VALUES('rebuild');");
        }
    }
}
