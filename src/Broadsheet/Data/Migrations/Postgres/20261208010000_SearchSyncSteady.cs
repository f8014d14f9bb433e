using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17: two changes to broadsheet_search_live_sync, the rest of SearchVectorsOnce's function as is.
    /// - A story's tag names are joined in tag-id order. string_agg had no ORDER BY, so their order,
    ///   and with it the positions of the C-weight lexemes, followed whatever plan the batch got: a
    ///   reindex after a 100k seed rewrote ~7,700 of its first 15,000 rows (the seed's early batches,
    ///   run while the tags were few, most likely got other plans), and ranking could shift
    ///   slightly between runs.
    ///   Now the same texts always give the same vectors, so a reindex in an unchanged language
    ///   rewrites nothing once every row has been written by this function.
    /// - Hyphens become spaces by replace() instead of translate(): for one character to one
    ///   character they give the same text (checked on all 100k seeded articles' titles, standfirsts
    ///   and bodies), and translate() costs ~30 µs more per 3,600-character body (~3 s of CPU per
    ///   100k articles, on every seed and reindex).
    /// The model does not change, hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresBroadsheetDb))]
    [Migration("20261208010000_SearchSyncSteady")]
    public partial class SearchSyncSteady : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION broadsheet_search_live_sync(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "ArticleSearchLive" s
                    WHERE s."ArticleId" = ANY(article_ids) AND NOT EXISTS (
                        SELECT 1 FROM "Articles" a WHERE a."Id" = s."ArticleId"
                        AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL);
                    WITH lang AS MATERIALIZED (SELECT broadsheet_search_language() AS cfg),
                    tags AS (
                        SELECT x."ArticleId", string_agg(t."Name", ' ' ORDER BY x."TagId") AS names, array_agg('t' || x."TagId") AS ids
                        FROM "ArticleTags" x JOIN "Tags" t ON t."Id" = x."TagId"
                        WHERE x."ArticleId" = ANY(article_ids)
                        GROUP BY x."ArticleId"),
                    v AS (
                        SELECT a."Id", a."PublishedAt",
                            array_to_tsvector(array_remove(ARRAY['c' || a."CategoryId", 'a' || a."AuthorId"] || coalesce(g.ids, '{}'), NULL)) AS filters,
                            setweight(to_tsvector(l.cfg, replace(coalesce(a."Title", ''), '-', ' ')), 'A')
                            || setweight(to_tsvector(l.cfg, replace(coalesce(a."Standfirst", ''), '-', ' ')), 'B')
                            || setweight(to_tsvector(l.cfg, replace(
                                   coalesce(g.names, '') || ' ' || coalesce(c."Name", '') || ' ' || coalesce(u."DisplayName", ''), '-', ' ')), 'C') AS headline,
                            setweight(to_tsvector(l.cfg, replace(coalesce(a."BodyText", ''), '-', ' ')), 'D') AS body
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
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                """);
        }
    }
}
