using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 17: the batch refresh (seed, `search reindex`, tag and name changes) computes both
    /// vectors in one statement over the batch: the tag names aggregated once with one join, the
    /// section and byline joined, the language read once, and each text parsed once (the body's
    /// vector is shared by SearchVector). Before, every row called broadsheet_headline_vector, whose
    /// three subqueries and four language lookups ran per row, and parsed its headline twice.
    /// The vectors are the same as before (same texts, weights and order). The model does not
    /// change, hence no designer file.
    /// </summary>
    [DbContext(typeof(PostgresBroadsheetDb))]
    [Migration("20261207060000_SearchBulkVectors")]
    public partial class SearchBulkVectors : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                $$;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // As the SearchHeadline migration left it.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION broadsheet_search_refresh(article_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Articles" a SET "HeadlineVector" = h.v, "SearchVector" = h.v || setweight(to_tsvector(broadsheet_search_language(), translate(coalesce(a."BodyText", ''), '-', ' ')), 'D')
                    FROM (SELECT x."Id", broadsheet_headline_vector(x."Id", x."Title", x."Standfirst", x."CategoryId", x."AuthorId") AS v
                          FROM "Articles" x WHERE x."Id" = ANY(article_ids)) h
                    WHERE a."Id" = h."Id";
                $$;
                """);
        }
    }
}
