using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 24: co-authors' bylines carry the story's publication time while it is listed, with
    /// an (AuthorId, PublishedAt, ArticleId) index, so an author page walks a page of co-written
    /// stories and stops (ArticleQueries.NewestByAuthor). Triggers keep the copy in step.
    /// </summary>
    public partial class BylineListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ArticleBylines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleBylines_AuthorId_PublishedAt_ArticleId",
                table: "ArticleBylines",
                columns: new[] { "AuthorId", "PublishedAt", "ArticleId" });

            // The copy is the database's to keep (ArticleByline.PublishedAt): set from the story when a
            // byline is added, and rewritten on every byline of a story whose Status or PublishedAt
            // changes, so the editor, the scheduler, the import and raw SQL all keep it in step.
            migrationBuilder.Sql("""
                UPDATE "ArticleBylines" SET "PublishedAt" = (
                    SELECT CASE WHEN a."Status" IN ('Published', 'Scheduled') THEN a."PublishedAt" END
                    FROM "Articles" a WHERE a."Id" = "ArticleBylines"."ArticleId");
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleBylines_listed_ai" AFTER INSERT ON "ArticleBylines" BEGIN
                    UPDATE "ArticleBylines" SET "PublishedAt" = (
                        SELECT CASE WHEN a."Status" IN ('Published', 'Scheduled') THEN a."PublishedAt" END
                        FROM "Articles" a WHERE a."Id" = new."ArticleId")
                    WHERE "ArticleId" = new."ArticleId" AND "Position" = new."Position";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ArticleBylines_listed_au" AFTER UPDATE OF "Status", "PublishedAt" ON "Articles"
                WHEN old."Status" IS NOT new."Status" OR old."PublishedAt" IS NOT new."PublishedAt" BEGIN
                    UPDATE "ArticleBylines"
                    SET "PublishedAt" = CASE WHEN new."Status" IN ('Published', 'Scheduled') THEN new."PublishedAt" END
                    WHERE "ArticleId" = new."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"ArticleBylines_listed_au\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"ArticleBylines_listed_ai\";");
            migrationBuilder.DropIndex(
                name: "IX_ArticleBylines_AuthorId_PublishedAt_ArticleId",
                table: "ArticleBylines");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleBylines");
        }
    }
}
