#!/usr/bin/env bash
# CPU time of the search SQL itself on a seeded SQLite file, for the queries bench/search.sh uses:
# the count (capped at 10,001) plus the first page, as the sqlite3 shell's user time per run
# (ten runs in one shell, best of three shells). On a loaded machine this moves far less than wall time.
#   after:  the live-only index in publish order (SearchLiveIndex migration; no join per match),
#           on FILE, which must be migrated to it;
#   before: the bounded queries of the previous round (every match joined to the covering index
#           to check it is live and to date it), on OLD.db, a file still on the older schema.
# Usage: bench/search-sql.sh FILE.db [OLD.db]   (files from `seed --articles 100000`)
# BENCH_PLANS=1 also prints each "after" query's plan.
set -euo pipefail
db=$(realpath "$1")
old=${2:+$(realpath "$2")}
work=$(mktemp -d /tmp/broadsheet-search-sql.XXXXXX)
trap '[[ -n ${BENCH_KEEP:-} ]] || rm -rf "$work"' EXIT
cd "$work"
politics=$(sqlite3 -readonly "$db" "SELECT \"Id\" FROM \"Categories\" WHERE \"Slug\"='politics'")
POLITICS=$politics python3 - <<'PY'
import datetime, os
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
NOW = "'" + now.strftime('%Y-%m-%d %H:%M:%S') + "'"
SEC = int(now.replace(tzinfo=datetime.timezone.utc).timestamp())
SECOND_KEY, DUE_KEY = SEC << 31, (SEC + 1) << 31
POL = os.environ["POLITICS"]

# Before: as SqliteSearchIndex was before the SearchLiveIndex migration.
FROM = '''FROM "ArticleSearch" CROSS JOIN "Articles" a INDEXED BY "IX_Articles_SearchFilter" ON a."Id" = "ArticleSearch".rowid'''
LIVE = f'''AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= {NOW}'''
RANK6 = '''(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0))'''
SCORE6 = f'''{RANK6} / (1.0 + (julianday({NOW}) - julianday(a."PublishedAt")) / 30)'''
def before(match, extra, newest):
    where = f'''{FROM} WHERE "ArticleSearch" MATCH '{match}' {LIVE} {extra}'''
    count = f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT 10001);"
    if newest:
        return count + f'\nSELECT a."Id", 0.0 {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 20;'
    return count + f'''
WITH candidates("Id") AS (
 SELECT "Id" FROM (SELECT a."Id" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 500)
 UNION
 SELECT "Id" FROM (SELECT a."Id" {FROM} WHERE "ArticleSearch" MATCH '{{Title}} : ({match})' {LIVE} {extra} ORDER BY {SCORE6} DESC LIMIT 500))
SELECT a."Id", {SCORE6} AS score {FROM} WHERE "ArticleSearch" MATCH '{match}' AND +"ArticleSearch".rowid IN (SELECT "Id" FROM candidates) ORDER BY score DESC, a."Id" DESC LIMIT 20;'''

# After: as SqliteSearchIndex is now.
RANK7 = '''(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0, 0.0))'''
SCORE7 = f'''{RANK7} / (1.0 + ({SEC} - (rowid >> 31)) / 86400.0 / 30)'''
DUE = f'''AND rowid < {DUE_KEY} AND (rowid < {SECOND_KEY} OR EXISTS (SELECT 1 FROM "ArticleSearchKeys" k WHERE k."Key" = "ArticleSearch".rowid AND k."PublishedAt" <= {NOW}))'''
def after(match, filters, newest):
    q = f"{{Title Standfirst BodyText Tags Category Author}} : ({match}){filters}"
    where = f'''FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{q}' {DUE}'''
    count = f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT 10001);"
    if newest:
        return count + f"\nSELECT rowid, 0.0 {where} ORDER BY rowid DESC LIMIT 20;"
    return count + f'''
WITH candidates("Key") AS (
 SELECT "Key" FROM (SELECT rowid AS "Key" {where} ORDER BY rowid DESC LIMIT 500)
 UNION
 SELECT "Key" FROM (SELECT "Key" FROM (SELECT rowid AS "Key", {SCORE7} AS s FROM "ArticleSearch" WHERE "ArticleSearch" MATCH '{{Title}} : ({match}){filters}' {DUE} ORDER BY rowid DESC LIMIT 1000) ORDER BY s DESC LIMIT 500))
SELECT rowid, {SCORE7} AS score {where} AND +rowid IN (SELECT "Key" FROM candidates) ORDER BY score DESC, (rowid & 2147483647) DESC LIMIT 20;'''

cases = {
    "selective": ('"Lighthouse"', "", "", False),
    "common": ('"council"', "", "", False),
    "phrase": ('"chief executive"', "", "", False),
    "category": ('"council"', '''AND a."CategoryId" = (SELECT "Id" FROM "Categories" WHERE "Slug"='politics')''', f' AND {{Filters}} : "c{POL}"', False),
    "newest": ('"council"', "", "", True),
}
for name, (m, extra, filters, newest) in cases.items():
    # Ten times in one shell: the user time of one run is near the clock's resolution.
    open(f"{name}-before.sql", "w").write(".output /dev/null\n.timer on\n" + (before(m, extra, newest) + "\n") * 10)
    open(f"{name}-after.sql", "w").write(".output /dev/null\n.timer on\n" + (after(m, filters, newest) + "\n") * 10)
    open(f"{name}-plan.sql", "w").write("".join(f"EXPLAIN QUERY PLAN {s.strip()};\n" for s in after(m, filters, newest).split(";\n") if s.strip()))
PY
best() { # file.db script.sql
  local b=999 t
  for _ in 1 2 3; do
    t=$(sqlite3 -readonly "$1" < "$2" 2>&1 | awk '/Run Time/{s+=$6} END{print s}')
    b=$(python3 -c "print(min($b, $t))")
  done
  python3 -c "print(f'{$b*100:.1f} ms')"   # the sum of ten runs, per run
}
if [[ -n $old ]]; then printf '| query | before | after |\n| --- | ---: | ---: |\n'; else printf '| query | after |\n| --- | ---: |\n'; fi
for name in selective common phrase category newest; do
  row="| $name"
  [[ -n $old ]] && row+=" | $(best "$old" "$name-before.sql")"
  row+=" | $(best "$db" "$name-after.sql")"
  echo "$row |"
  if [[ -n ${BENCH_PLANS:-} ]]; then echo "plan of '$name' (after):"; sqlite3 -readonly "$db" < "$name-plan.sql" | sed 's/^/    /'; fi
done
echo "[$(date -u +%F\ %H:%M), $(nproc) cores, sqlite3 $(sqlite3 --version | cut -d' ' -f1), load $(cut -d' ' -f1-3 /proc/loadavg)]"
