using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17: searches read a narrow table of the public stories only (published and scheduled,
    /// as SQLite's live-only FTS index), not the articles. Before, every match's fat article row
    /// was read to check that it was live and to date it. Here:
    /// - "PublishedAt" with a btree (newest first, date filters), so "due by now" is a range;
    /// - "Filters": section, author and tags as lexemes of their own column ('c12', 'a3', 't45'), so
    ///   a filter is a GIN lookup and a reader's words can never reach it;
    /// - "TitleVector" (the title's A-weighted lexemes): the title candidates, a small GIN;
    /// - "HeadlineVector" for ts_rank_cd and "SearchVector" both out of line (toast_tuple_target 128,
    ///   STORAGE EXTERNAL), so a row is ~200 bytes and a common word's matches sit on few pages: at
    ///   42k articles the heap is 8.7 MB, against 27 MB with the headline inline (sort=newest of
    ///   "council": 12 ms of CPU against 25 ms); only the ≤ 1,000 candidates read their headline.
    /// The articles keep computing both vectors as before (same triggers); this table copies them
    /// when a story goes public, changes or leaves (trigger below), and in batches after
    /// broadsheet_search_refresh (seed, `search reindex`, tag and name changes). A deleted article
    /// leaves by its foreign key. The GIN indexes on "Articles" are no longer read, so they go.
    /// The EF model does not change (the table is SQL's own, like SQLite's FTS table): no designer file.
    /// </summary>
    [DbContext(typeof(PostgresBroadsheetDb))]
    [Migration("20261207093000_SearchLiveTable")]
    public partial class SearchLiveTable : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearchLive" (
                    "ArticleId" integer PRIMARY KEY REFERENCES "Articles"("Id") ON DELETE CASCADE,
                    "PublishedAt" timestamp with time zone NOT NULL,
                    "Filters" tsvector NOT NULL,
                    "TitleVector" tsvector NOT NULL,
                    "HeadlineVector" tsvector NOT NULL,
                    "SearchVector" tsvector NOT NULL
                ) WITH (toast_tuple_target = 128);
                ALTER TABLE "ArticleSearchLive" ALTER COLUMN "HeadlineVector" SET STORAGE EXTERNAL;
                ALTER TABLE "ArticleSearchLive" ALTER COLUMN "TitleVector" SET STORAGE MAIN;
                ALTER TABLE "ArticleSearchLive" ALTER COLUMN "SearchVector" SET STORAGE EXTERNAL;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_search_live_sync(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
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
                """);
            // After the vectors are recomputed for a batch, the batch's public rows follow.
            migrationBuilder.Sql("""
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
                """);
            // One story at a time: when it goes public, leaves, moves in time, changes section or
            // byline, or its vectors change. A bulk load (paused) syncs its batches through the refresh.
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_search_live_row() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('broadsheet.search_paused', true) = 'on' THEN RETURN NULL; END IF;
                    PERFORM broadsheet_search_live_sync(ARRAY[NEW."Id"]);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "ArticleSearchLive_insert" AFTER INSERT ON "Articles"
                    FOR EACH ROW EXECUTE FUNCTION broadsheet_search_live_row();
                CREATE TRIGGER "ArticleSearchLive_update" AFTER UPDATE ON "Articles" FOR EACH ROW
                    WHEN (OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."PublishedAt" IS DISTINCT FROM NEW."PublishedAt"
                        OR OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId" OR OLD."AuthorId" IS DISTINCT FROM NEW."AuthorId"
                        OR OLD."HeadlineVector" IS DISTINCT FROM NEW."HeadlineVector" OR OLD."SearchVector" IS DISTINCT FROM NEW."SearchVector")
                    EXECUTE FUNCTION broadsheet_search_live_row();
                """);
            migrationBuilder.Sql("""SELECT broadsheet_search_live_sync(ARRAY(SELECT "Id" FROM "Articles"));""");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_ArticleSearchLive_SearchVector" ON "ArticleSearchLive" USING GIN ("SearchVector");
                CREATE INDEX "IX_ArticleSearchLive_TitleVector" ON "ArticleSearchLive" USING GIN ("TitleVector");
                CREATE INDEX "IX_ArticleSearchLive_Filters" ON "ArticleSearchLive" USING GIN ("Filters");
                CREATE INDEX "IX_ArticleSearchLive_PublishedAt" ON "ArticleSearchLive" ("PublishedAt" DESC, "ArticleId" DESC);
                DROP INDEX IF EXISTS "IX_Articles_SearchVector";
                DROP INDEX IF EXISTS "IX_Articles_HeadlineVector";
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ArticleSearchLive_update" ON "Articles";
                DROP TRIGGER IF EXISTS "ArticleSearchLive_insert" ON "Articles";
                DROP FUNCTION IF EXISTS broadsheet_search_live_row();
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
                $$;
                DROP FUNCTION IF EXISTS broadsheet_search_live_sync(integer[]);
                DROP TABLE IF EXISTS "ArticleSearchLive";
                CREATE INDEX IF NOT EXISTS "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");
                CREATE INDEX IF NOT EXISTS "IX_Articles_HeadlineVector" ON "Articles" USING GIN ("HeadlineVector");
                """);
        }
    }
}
