using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <summary>
    /// A second, small tsvector for ranking: title (A), standfirst (B), tags, section and byline (C),
    /// no body. It stays inline in the row, so ranking a match costs no detoast of the whole
    /// SearchVector (body included), which is what made a common word cost ~250 ms at 100k
    /// articles. It also finds the best headline matches through its own GIN index. The model
    /// does not change (both vectors live outside it), hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresBroadsheetDb))]
    [Migration("20261206200000_SearchHeadline")]
    public partial class SearchHeadline : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Articles" ADD COLUMN "HeadlineVector" tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_headline_vector(article_id integer, title text, standfirst text, category_id integer, author_id integer)
                RETURNS tsvector LANGUAGE sql STABLE AS $$
                    SELECT setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(title, ''), '-', ' ')), 'A')
                        || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(standfirst, ''), '-', ' ')), 'B')
                        || setweight(to_tsvector(broadsheet_search_language(), translate(
                               coalesce((SELECT string_agg(t."Name", ' ') FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId" WHERE x."ArticleId" = article_id), '')
                               || ' ' || coalesce((SELECT "Name" FROM "Categories" WHERE "Id" = category_id), '')
                               || ' ' || coalesce((SELECT "DisplayName" FROM "Authors" WHERE "Id" = author_id), ''), '-', ' ')), 'C')
                $$;
                """);
            // Upkeep sets both vectors wherever it set one; the full one is the headline plus the body (D).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Articles" a SET "HeadlineVector" = h.v, "SearchVector" = h.v || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(a."BodyText", ''), '-', ' ')), 'D')
                    FROM (SELECT x."Id", broadsheet_headline_vector(x."Id", x."Title", x."Standfirst", x."CategoryId", x."AuthorId") AS v
                          FROM "Articles" x WHERE x."Id" = ANY(article_ids)) h
                    WHERE a."Id" = h."Id";
                $$;
                CREATE OR REPLACE FUNCTION broadsheet_search_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NEW; END IF;
                    NEW."HeadlineVector" := broadsheet_headline_vector(NEW."Id", NEW."Title", NEW."Standfirst", NEW."CategoryId", NEW."AuthorId");
                    NEW."SearchVector" := NEW."HeadlineVector"
                        || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(NEW."BodyText", ''), '-', ' ')), 'D');
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""UPDATE "Articles" SET "HeadlineVector" = broadsheet_headline_vector("Id", "Title", "Standfirst", "CategoryId", "AuthorId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_HeadlineVector" ON "Articles" USING GIN ("HeadlineVector");""");
            // Newest-first candidates and sort=newest read the matches' dates from here.
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchLive" ON "Articles" ("PublishedAt" DESC, "Id" DESC) WHERE "Status" IN ('Published', 'Scheduled');""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Articles_SearchLive";
                DROP INDEX IF EXISTS "IX_Articles_HeadlineVector";
                CREATE OR REPLACE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Articles" a SET "SearchVector" = broadsheet_search_vector(a."Id", a."Title", a."Standfirst", a."BodyText", a."CategoryId", a."AuthorId")
                    WHERE a."Id" = ANY(article_ids);
                $$;
                CREATE OR REPLACE FUNCTION broadsheet_search_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NEW; END IF;
                    NEW."SearchVector" := broadsheet_search_vector(NEW."Id", NEW."Title", NEW."Standfirst", NEW."BodyText", NEW."CategoryId", NEW."AuthorId");
                    RETURN NEW;
                END $$;
                DROP FUNCTION IF EXISTS broadsheet_headline_vector(integer, text, text, integer, integer);
                ALTER TABLE "Articles" DROP COLUMN IF EXISTS "HeadlineVector";
                """);
        }
    }
}
