using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "");

            // Full-text search: a stored tsvector on Articles with a GIN index. It includes the tag,
            // category and author names, which live in other tables, so triggers (not a generated
            // column) keep it in step, inside the transaction that changes any of them.
            // Weights: title A, standfirst B, tags/category/author C, body D.
            migrationBuilder.Sql("""ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector;""");
            // The stemming language (Search:Language) is data, not code: `search reindex` sets it
            // here and rebuilds, and the triggers and queries read it from here.
            migrationBuilder.Sql("""
                CREATE TABLE "SearchSettings" ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Language" regconfig NOT NULL);
                INSERT INTO "SearchSettings" VALUES (1, 'english');
                CREATE FUNCTION broadsheet_search_language() RETURNS regconfig LANGUAGE sql STABLE AS $$
                    SELECT coalesce((SELECT "Language" FROM "SearchSettings" WHERE "Id" = 1), 'english'::regconfig)
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_search_vector(article_id integer, title text, standfirst text, body text, category_id integer, author_id integer)
                RETURNS tsvector LANGUAGE sql STABLE AS $$
                    -- Hyphens become spaces, as in SQLite's tokenizer: PostgreSQL would read the
                    -- "-19" of "COVID-19" as a negative number that the query "COVID-19" never matches.
                    SELECT setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(title, ''), '-', ' ')), 'A')
                        || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(standfirst, ''), '-', ' ')), 'B')
                        || setweight(to_tsvector(broadsheet_search_language(), translate(
                               coalesce((SELECT string_agg(t."Name", ' ') FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId" WHERE x."ArticleId" = article_id), '')
                               || ' ' || coalesce((SELECT "Name" FROM "Categories" WHERE "Id" = category_id), '')
                               || ' ' || coalesce((SELECT "DisplayName" FROM "Authors" WHERE "Id" = author_id), ''), '-', ' ')), 'C')
                        || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(body, ''), '-', ' ')), 'D')
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Articles" a SET "SearchVector" = broadsheet_search_vector(a."Id", a."Title", a."Standfirst", a."BodyText", a."CategoryId", a."AuthorId")
                    WHERE a."Id" = ANY(article_ids);
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_search_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- A bulk load (the seed command) pauses upkeep in its own transaction and indexes each batch at once.
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NEW; END IF;
                    NEW."SearchVector" := broadsheet_search_vector(NEW."Id", NEW."Title", NEW."Standfirst", NEW."BodyText", NEW."CategoryId", NEW."AuthorId");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "ArticleSearch_article" BEFORE INSERT OR UPDATE OF "Title", "Standfirst", "BodyText", "CategoryId", "AuthorId"
                    ON "Articles" FOR EACH ROW EXECUTE FUNCTION broadsheet_search_article();

                CREATE FUNCTION broadsheet_search_tags() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NULL; END IF;
                    IF TG_OP = 'DELETE' THEN PERFORM broadsheet_search_refresh(ARRAY[OLD."ArticleId"]);
                    ELSE PERFORM broadsheet_search_refresh(ARRAY[NEW."ArticleId"]); END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ArticleSearch_tags" AFTER INSERT OR DELETE ON "ArticleTags"
                    FOR EACH ROW EXECUTE FUNCTION broadsheet_search_tags();

                CREATE FUNCTION broadsheet_search_names() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'Tags' THEN
                        PERFORM broadsheet_search_refresh(ARRAY(SELECT "ArticleId" FROM "ArticleTags" WHERE "TagId" = NEW."Id"));
                    ELSIF TG_TABLE_NAME = 'Categories' THEN
                        PERFORM broadsheet_search_refresh(ARRAY(SELECT "Id" FROM "Articles" WHERE "CategoryId" = NEW."Id"));
                    ELSE
                        PERFORM broadsheet_search_refresh(ARRAY(SELECT "Id" FROM "Articles" WHERE "AuthorId" = NEW."Id"));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ArticleSearch_tag_name" AFTER UPDATE OF "Name" ON "Tags" FOR EACH ROW EXECUTE FUNCTION broadsheet_search_names();
                CREATE TRIGGER "ArticleSearch_category_name" AFTER UPDATE OF "Name" ON "Categories" FOR EACH ROW EXECUTE FUNCTION broadsheet_search_names();
                CREATE TRIGGER "ArticleSearch_author_name" AFTER UPDATE OF "DisplayName" ON "Authors" FOR EACH ROW EXECUTE FUNCTION broadsheet_search_names();
                """);
            migrationBuilder.Sql("""UPDATE "Articles" SET "SearchVector" = broadsheet_search_vector("Id", "Title", "Standfirst", "BodyText", "CategoryId", "AuthorId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArticleSearch_author_name" ON "Authors";
                DROP TRIGGER IF EXISTS "ArticleSearch_category_name" ON "Categories";
                DROP TRIGGER IF EXISTS "ArticleSearch_tag_name" ON "Tags";
                DROP TRIGGER IF EXISTS "ArticleSearch_tags" ON "ArticleTags";
                DROP TRIGGER IF EXISTS "ArticleSearch_article" ON "Articles";
                DROP FUNCTION IF EXISTS broadsheet_search_names();
                DROP FUNCTION IF EXISTS broadsheet_search_tags();
                DROP FUNCTION IF EXISTS broadsheet_search_article();
                DROP FUNCTION IF EXISTS broadsheet_search_refresh(integer[]);
                DROP FUNCTION IF EXISTS broadsheet_search_vector(integer, text, text, text, integer, integer);
                DROP FUNCTION IF EXISTS broadsheet_search_language();
                DROP TABLE IF EXISTS "SearchSettings";
                ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";
                """);

            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "Articles");
        }
    }
}
