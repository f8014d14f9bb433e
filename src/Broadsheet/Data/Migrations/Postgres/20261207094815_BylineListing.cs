using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleBylines_AuthorId_PublishedAt_ArticleId",
                table: "ArticleBylines",
                columns: new[] { "AuthorId", "PublishedAt", "ArticleId" });

            // The copy is the database's to keep (ArticleByline.PublishedAt): set from the story when a
            // byline is added, and rewritten on every byline of a story whose Status or PublishedAt
            // changes, so the editor, the scheduler, the import and raw SQL all keep it in step.
            migrationBuilder.Sql("""
                UPDATE "ArticleBylines" b SET "PublishedAt" = CASE WHEN a."Status" IN ('Published', 'Scheduled') THEN a."PublishedAt" END
                FROM "Articles" a WHERE a."Id" = b."ArticleId";

                CREATE FUNCTION broadsheet_byline_listed_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."PublishedAt" := (SELECT CASE WHEN a."Status" IN ('Published', 'Scheduled') THEN a."PublishedAt" END
                                          FROM "Articles" a WHERE a."Id" = NEW."ArticleId");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "ArticleBylines_listed_bi" BEFORE INSERT ON "ArticleBylines"
                    FOR EACH ROW EXECUTE FUNCTION broadsheet_byline_listed_on_insert();

                CREATE FUNCTION broadsheet_byline_listed_on_story() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "ArticleBylines"
                    SET "PublishedAt" = CASE WHEN NEW."Status" IN ('Published', 'Scheduled') THEN NEW."PublishedAt" END
                    WHERE "ArticleId" = NEW."Id";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ArticleBylines_listed_au" AFTER UPDATE OF "Status", "PublishedAt" ON "Articles"
                    FOR EACH ROW WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PublishedAt" IS DISTINCT FROM NEW."PublishedAt")
                    EXECUTE FUNCTION broadsheet_byline_listed_on_story();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArticleBylines_listed_au" ON "Articles";
                DROP TRIGGER IF EXISTS "ArticleBylines_listed_bi" ON "ArticleBylines";
                DROP FUNCTION IF EXISTS broadsheet_byline_listed_on_story();
                DROP FUNCTION IF EXISTS broadsheet_byline_listed_on_insert();
                """);
            migrationBuilder.DropIndex(
                name: "IX_ArticleBylines_AuthorId_PublishedAt_ArticleId",
                table: "ArticleBylines");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleBylines");
        }
    }
}
