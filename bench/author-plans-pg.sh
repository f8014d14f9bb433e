#!/usr/bin/env bash
# Issue 24: an author's newest stories on PostgreSQL, the OR form ("first author, or id IN the
# author's bylines", ArticleQueries.ByAuthor) against the per-index path the author page and the
# author feed use (ArticleQueries.NewestByAuthorAsync: each index read a page long, merged in the
# app). A throwaway cluster, migrated and seeded by the app itself (`seed`), every fifth story
# co-written by the next author, ANALYZEd; then EXPLAIN (ANALYZE, BUFFERS) of page 1 and of a deep
# page (cursor halfway down the author's stories) both ways. Buffers do not move with the machine's load.
# The SQL is what EF generates, rewritten by hand with literals (parameters as constants).
# Usage: bench/author-plans-pg.sh   (ARTICLES=50000 AUTHORS=400 by default; BENCH_PLANS=1 prints the plans)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ARTICLES=${ARTICLES:-50000}
work=$(mktemp -d /tmp/broadsheet-author-plans.XXXXXX); chmod 755 "$work" # the postgres user must enter it
trap 'stop_postgres; rm -rf "$work"' EXIT
dll=${BROADSHEET_DLL:-src/Broadsheet/bin/Release/net10.0/Broadsheet.dll}
[[ -f $dll ]] || dotnet build src/Broadsheet -c Release -nologo -v quiet
start_postgres "$work/pg"
psql() { command psql -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -c 'CREATE DATABASE broadsheet'
export Database__Provider=Postgres Site__BaseUrl=http://localhost Logging__LogLevel__Default=Warning
export ConnectionStrings__Broadsheet="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet"
dotnet "$dll" migrate >/dev/null
dotnet "$dll" seed --articles "$ARTICLES" --days 365 | tail -n1
# The demo has a handful of bylines; a newsroom has hundreds: spread the stories over AUTHORS of
# them (as the SQLite figures in docs/trust.md: 400), then every fifth story gets the next author as
# its co-author (the trigger copies PublishedAt).
psql -d broadsheet -v authors="${AUTHORS:-400}" <<'SQL'
INSERT INTO "Authors" ("DisplayName", "Slug", "Bio")
SELECT 'Bench author ' || g, 'bench-author-' || g, '' FROM generate_series((SELECT count(*) FROM "Authors") + 1, :authors) g;
WITH au AS (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS k FROM "Authors")
UPDATE "Articles" a SET "AuthorId" = au."Id" FROM au WHERE au.k = (a."Id" * 7919) % :authors;
WITH au AS (SELECT "Id", row_number() OVER (ORDER BY "Id") AS rn, count(*) OVER () AS n FROM "Authors")
INSERT INTO "ArticleBylines" ("ArticleId", "Position", "AuthorId", "GuestName")
SELECT a."Id", 1, next."Id", '' FROM "Articles" a JOIN au me ON me."Id" = a."AuthorId" JOIN au next ON next.rn = me.rn % me.n + 1
WHERE a."Id" % 5 = 0;
ANALYZE;
SQL
au=$(psql -d broadsheet -tA -c 'SELECT "AuthorId" FROM "Articles" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
live="a.\"Status\" NOT IN ('Draft', 'Unpublished', 'Companion') AND a.\"PublishedAt\" <= now()"
own=$(psql -d broadsheet -tA -c "SELECT count(*) FROM \"Articles\" a WHERE $live AND a.\"AuthorId\" = $au")
co=$(psql -d broadsheet -tA -c "SELECT count(*) FROM \"ArticleBylines\" b WHERE b.\"AuthorId\" = $au AND b.\"PublishedAt\" <= now()")
# The deep page's cursor: halfway down the author's stories (own or co-written; some authors have few).
read -r cp ci < <(psql -d broadsheet -tA -F ' ' -c "SELECT to_char(a.\"PublishedAt\", 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), a.\"Id\" FROM \"Articles\" a
  WHERE $live AND (a.\"AuthorId\" = $au OR a.\"Id\" IN (SELECT \"ArticleId\" FROM \"ArticleBylines\" WHERE \"AuthorId\" = $au))
  ORDER BY a.\"PublishedAt\" DESC, a.\"Id\" DESC OFFSET $(( (own + co) / 2 )) LIMIT 1")
cursor_a="AND a.\"PublishedAt\" <= '$cp' AND (a.\"PublishedAt\" < '$cp' OR a.\"Id\" < $ci)"
cursor_b="AND b.\"PublishedAt\" <= '$cp' AND (b.\"PublishedAt\" < '$cp' OR b.\"ArticleId\" < $ci)"
or_query() { echo "SELECT a.\"Id\" FROM \"Articles\" a WHERE $live AND (a.\"AuthorId\" = $au OR a.\"Id\" IN (SELECT b.\"ArticleId\" FROM \"ArticleBylines\" b WHERE b.\"AuthorId\" = $au)) $1 ORDER BY a.\"PublishedAt\" DESC, a.\"Id\" DESC LIMIT 21"; }
own_query() { echo "SELECT a.\"Id\", a.\"PublishedAt\" FROM \"Articles\" a WHERE $live AND a.\"AuthorId\" = $au $1 ORDER BY a.\"PublishedAt\" DESC, a.\"Id\" DESC LIMIT 21"; }
co_query() { echo "SELECT b.\"ArticleId\", b.\"PublishedAt\" FROM \"ArticleBylines\" b WHERE b.\"AuthorId\" = $au AND b.\"PublishedAt\" <= now() $1 ORDER BY b.\"PublishedAt\" DESC, b.\"ArticleId\" DESC LIMIT 21"; }
# Shared buffers (hit + read) of a statement's top node, which counts its children's too; the plan on request.
buffers() {
  local json; psql -d broadsheet -tA -c "$1" >/dev/null # warm: the figure is the second run's
  json=$(psql -d broadsheet -tA -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $1")
  [[ -n ${BENCH_PLANS:-} ]] && { echo "-- $2"; psql -d broadsheet -tA -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) $1"; } >&2
  python3 -c 'import json,sys; p=json.loads(sys.argv[1])[0]["Plan"]; print(p["Shared Hit Blocks"] + p["Shared Read Blocks"])' "$json"
}
or1=$(buffers "$(or_query '')" "OR form, page 1"); ordeep=$(buffers "$(or_query "$cursor_a")" "OR form, deep page")
new1=$(( $(buffers "$(own_query '')" "own side, page 1") + $(buffers "$(co_query '')" "co-written side, page 1") ))
newdeep=$(( $(buffers "$(own_query "$cursor_a")" "own side, deep page") + $(buffers "$(co_query "$cursor_b")" "co-written side, deep page") ))
echo "author $au: $own own and $co co-written live stories of $ARTICLES"
echo "RESULT author-plans-pg buffers: OR page1=$or1 deep=$ordeep | per-index page1=$new1 deep=$newdeep"
