using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Full-text search: an FTS5 external-content table over a view that joins in the tag,
            // category and author names. Triggers keep it in step inside the writing transaction.
            // External content means every 'delete' must repeat what was indexed, so each change
            // deletes the view's row before it changes (BEFORE) and re-adds it after (AFTER).
            migrationBuilder.Sql("""
                CREATE VIEW "ArticleSearchSource" AS
                SELECT a."Id", a."Title", a."Standfirst", a."BodyText",
                       (SELECT group_concat(t."Name", ' ') FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId" WHERE x."ArticleId" = a."Id") AS "Tags",
                       c."Name" AS "Category", u."DisplayName" AS "Author"
                FROM "Articles" a
                JOIN "Categories" c ON c."Id" = a."CategoryId"
                JOIN "Authors" u ON u."Id" = a."AuthorId";
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Standfirst", "BodyText", "Tags", "Category", "Author",
                    content='ArticleSearchSource', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            const string Columns = "\"Title\", \"Standfirst\", \"BodyText\", \"Tags\", \"Category\", \"Author\"";
            string Remove(string where) => $"""INSERT INTO "ArticleSearch"("ArticleSearch", rowid, {Columns}) SELECT 'delete', "Id", {Columns} FROM "ArticleSearchSource" WHERE {where};""";
            string Add(string where) => $"""INSERT INTO "ArticleSearch"(rowid, {Columns}) SELECT "Id", {Columns} FROM "ArticleSearchSource" WHERE {where};""";
            // A bulk load (the seed command) pauses upkeep inside its own transaction and indexes
            // each batch in one statement; no other connection ever sees the pause row.
            migrationBuilder.Sql("""CREATE TABLE "SearchIndexPause" ("Id" INTEGER NOT NULL PRIMARY KEY);""");
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
            // Search joins every match to its article for the live-and-filter check. Article rows carry
            // the body three times, so the columns after it sit in overflow pages; this covering index
            // answers the check without touching the rows (24k matches: 320 ms -> 45 ms).
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchFilter" ON "Articles" ("Id", "Status", "PublishedAt", "CategoryId", "AuthorId");""");
            // Index what exists; `search reindex` also fills BodyText for articles saved before it existed.
            migrationBuilder.Sql("INSERT INTO \"ArticleSearch\"(\"ArticleSearch\") VALUES('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ai", "bu", "au", "bd", "tags_bi", "tags_ai", "tags_bd", "tags_ad", "tag_bu", "tag_au", "category_bu", "category_au", "author_bu", "author_au" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"ArticleSearch_{trigger}\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearch\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchIndexPause\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Articles_SearchFilter\";");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"ArticleSearchSource\";");

            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "Articles");
        }
    }
}
