using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17: each story's vectors are computed once, straight into the search table, and no
    /// longer stored on "Articles" (which no query has read since SearchLiveTable). Before, a seed
    /// or reindex parsed each body into "Articles" (rewriting the fat row and its out-of-line
    /// vector), then read both vectors back to copy them to "ArticleSearchLive": 1.6 ms of
    /// PostgreSQL CPU per article, of which parsing is ~0.55 ms. Now:
    /// - broadsheet_search_live_sync(ids) computes the public rows' vectors (the same texts,
    ///   weights, order and language as SearchBulkVectors) and takes the others out;
    /// - a row whose vectors, date and filters come out as they already are is not rewritten, so a
    ///   reindex in an unchanged language writes nothing;
    /// - drafts get no vectors at all (they were computed and never read);
    /// - the per-row trigger fires on the texts that make the vectors (title, standfirst, body,
    ///   section, byline) besides status and time, instead of on the vectors changing.
    /// broadsheet_search_refresh(ids) stays the name the tag and name triggers and the app call.
    /// The model does not change (the vectors were SQL's own columns), hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresBroadsheetDb))]
    [Migration("20261207220000_SearchVectorsOnce")]
    public partial class SearchVectorsOnce : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArticleSearch_article" ON "Articles";
                DROP FUNCTION IF EXISTS broadsheet_search_article();
                DROP TRIGGER IF EXISTS "ArticleSearchLive_update" ON "Articles";
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION broadsheet_search_live_sync(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "ArticleSearchLive" s
                    WHERE s."ArticleId" = ANY(article_ids) AND NOT EXISTS (
                        SELECT 1 FROM "Articles" a WHERE a."Id" = s."ArticleId"
                        AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL);
                    WITH lang AS MATERIALIZED (SELECT broadsheet_search_language() AS cfg),
                    tags AS (
                        SELECT x."ArticleId", string_agg(t."Name", ' ') AS names, array_agg('t' || x."TagId") AS ids
                        FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId"
                        WHERE x."ArticleId" = ANY(article_ids)
                        GROUP BY x."ArticleId"),
                    v AS (
                        SELECT a."Id", a."PublishedAt",
                            array_to_tsvector(array_remove(ARRAY['c' || a."CategoryId", 'a' || a."AuthorId"] || coalesce(g.ids, '{}'), NULL)) AS filters,
                            setweight(to_tsvector(l.cfg, translate(coalesce(a."Title", ''), '-', ' ')), 'A')
                            || setweight(to_tsvector(l.cfg, translate(coalesce(a."Standfirst", ''), '-', ' ')), 'B')
                            || setweight(to_tsvector(l.cfg, translate(
                                   coalesce(g.names, '') || ' ' || coalesce(c."Name", '') || ' ' || coalesce(u."DisplayName", ''), '-', ' ')), 'C') AS headline,
                            setweight(to_tsvector(l.cfg, translate(coalesce(a."BodyText", ''), '-', ' ')), 'D') AS body
                        FROM "Articles" a
                        CROSS JOIN lang l
                        LEFT JOIN tags g ON g."ArticleId" = a."Id"
                        LEFT JOIN "Categories" c ON c."Id" = a."CategoryId"
                        LEFT JOIN "Authors" u ON u."Id" = a."AuthorId"
                        WHERE a."Id" = ANY(article_ids)
                            AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL)
                    INSERT INTO "ArticleSearchLive" AS s ("ArticleId", "PublishedAt", "Filters", "TitleVector", "HeadlineVector", "SearchVector")
                    SELECT v."Id", v."PublishedAt", v.filters, ts_filter(v.headline, '{a}'), v.headline, v.headline || v.body FROM v
                    ON CONFLICT ("ArticleId") DO UPDATE SET "PublishedAt" = EXCLUDED."PublishedAt", "Filters" = EXCLUDED."Filters",
                        "TitleVector" = EXCLUDED."TitleVector", "HeadlineVector" = EXCLUDED."HeadlineVector", "SearchVector" = EXCLUDED."SearchVector"
                    WHERE (s."PublishedAt", s."Filters", s."TitleVector", s."HeadlineVector", s."SearchVector")
                        IS DISTINCT FROM (EXCLUDED."PublishedAt", EXCLUDED."Filters", EXCLUDED."TitleVector", EXCLUDED."HeadlineVector", EXCLUDED."SearchVector");
                $$;
                CREATE OR REPLACE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    SELECT broadsheet_search_live_sync(article_ids);
                $$;
                CREATE TRIGGER "ArticleSearchLive_update" AFTER UPDATE ON "Articles" FOR EACH ROW
                    WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PublishedAt" IS DISTINCT FROM NEW."PublishedAt"
                        OR OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId" OR OLD."AuthorId" IS DISTINCT FROM NEW."AuthorId"
                        OR OLD."Title" IS DISTINCT FROM NEW."Title" OR OLD."Standfirst" IS DISTINCT FROM NEW."Standfirst"
                        OR OLD."BodyText" IS DISTINCT FROM NEW."BodyText")
                    EXECUTE FUNCTION broadsheet_search_live_row();
                ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector", DROP COLUMN IF EXISTS "HeadlineVector";
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // As SearchHeadline, SearchBulkVectors and SearchLiveTable left them, the vectors computed again.
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD COLUMN IF NOT EXISTS "SearchVector" tsvector, ADD COLUMN IF NOT EXISTS "HeadlineVector" tsvector;
                CREATE OR REPLACE FUNCTION broadsheet_search_live_sync(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "ArticleSearchLive" s
                    WHERE s."ArticleId" = ANY(article_ids) AND NOT EXISTS (
                        SELECT 1 FROM "Articles" a WHERE a."Id" = s."ArticleId"
                        AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."SearchVector" IS NOT NULL);
                    INSERT INTO "ArticleSearchLive" ("ArticleId", "PublishedAt", "Filters", "TitleVector", "HeadlineVector", "SearchVector")
                    SELECT a."Id", a."PublishedAt",
                        array_to_tsvector(array_remove(ARRAY['c' || a."CategoryId", 'a' || a."AuthorId"]
                            || ARRAY(SELECT 't' || x."TagId" FROM "ArticleTags" x WHERE x."ArticleId" = a."Id"), NULL)),
                        ts_filter(coalesce(a."HeadlineVector", ''), '{a}'), coalesce(a."HeadlineVector", ''), a."SearchVector"
                    FROM "Articles" a
                    WHERE a."Id" = ANY(article_ids)
                        AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."SearchVector" IS NOT NULL
                    ON CONFLICT ("ArticleId") DO UPDATE SET "PublishedAt" = EXCLUDED."PublishedAt", "Filters" = EXCLUDED."Filters",
                        "TitleVector" = EXCLUDED."TitleVector", "HeadlineVector" = EXCLUDED."HeadlineVector", "SearchVector" = EXCLUDED."SearchVector";
                $$;
                CREATE OR REPLACE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    WITH lang AS MATERIALIZED (SELECT broadsheet_search_language() AS cfg),
                    tags AS (
                        SELECT x."ArticleId", string_agg(t."Name", ' ') AS names
                        FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId"
                        WHERE x."ArticleId" = ANY(article_ids)
                        GROUP BY x."ArticleId"),
                    v AS (
                        SELECT a."Id",
                            setweight(to_tsvector(l.cfg, translate(coalesce(a."Title", ''), '-', ' ')), 'A')
                            || setweight(to_tsvector(l.cfg, translate(coalesce(a."Standfirst", ''), '-', ' ')), 'B')
                            || setweight(to_tsvector(l.cfg, translate(
                                   coalesce(g.names, '') || ' ' || coalesce(c."Name", '') || ' ' || coalesce(u."DisplayName", ''), '-', ' ')), 'C') AS headline,
                            setweight(to_tsvector(l.cfg, translate(coalesce(a."BodyText", ''), '-', ' ')), 'D') AS body
                        FROM "Articles" a
                        CROSS JOIN lang l
                        LEFT JOIN tags g ON g."ArticleId" = a."Id"
                        LEFT JOIN "Categories" c ON c."Id" = a."CategoryId"
                        LEFT JOIN "Authors" u ON u."Id" = a."AuthorId"
                        WHERE a."Id" = ANY(article_ids))
                    UPDATE "Articles" a SET "HeadlineVector" = v.headline, "SearchVector" = v.headline || v.body
                    FROM v WHERE a."Id" = v."Id";
                    SELECT broadsheet_search_live_sync(article_ids);
                $$;
                CREATE FUNCTION broadsheet_search_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NEW; END IF;
                    NEW."HeadlineVector" := broadsheet_headline_vector(NEW."Id", NEW."Title", NEW."Standfirst", NEW."CategoryId", NEW."AuthorId");
                    NEW."SearchVector" := NEW."HeadlineVector"
                        || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(NEW."BodyText", ''), '-', ' ')), 'D');
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "ArticleSearch_article" BEFORE INSERT OR UPDATE OF "Title", "Standfirst", "BodyText", "CategoryId", "AuthorId"
                    ON "Articles" FOR EACH ROW EXECUTE FUNCTION broadsheet_search_article();
                DROP TRIGGER IF EXISTS "ArticleSearchLive_update" ON "Articles";
                CREATE TRIGGER "ArticleSearchLive_update" AFTER UPDATE ON "Articles" FOR EACH ROW
                    WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PublishedAt" IS DISTINCT FROM NEW."PublishedAt"
                        OR OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId" OR OLD."AuthorId" IS DISTINCT FROM NEW."AuthorId"
                        OR OLD."HeadlineVector" IS DISTINCT FROM NEW."HeadlineVector" OR OLD."SearchVector" IS DISTINCT FROM NEW."SearchVector")
                    EXECUTE FUNCTION broadsheet_search_live_row();
                """);
            migrationBuilder.Sql("""
                SELECT set_config('broadsheet.search_paused', 'on', false);
                SELECT broadsheet_search_refresh(ARRAY(SELECT "Id" FROM "Articles"));
                SELECT set_config('broadsheet.search_paused', 'off', false);
                """);
        }
    }
}
