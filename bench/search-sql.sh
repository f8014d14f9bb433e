#!/usr/bin/env bash
# CPU time of the search SQL itself on a seeded SQLite file, before (exact count, every match
# ranked) and after issue 17 (count capped at 10,001; relevance over 500 newest + 500 best title
# matches), for the queries bench/search.sh uses. The sqlite3 shell's user time for the count
# plus the first page, best of three: on a loaded machine this moves far less than wall time.
# Usage: bench/search-sql.sh FILE.db   (a file from `seed --articles 100000`)
set -euo pipefail
db=$1
work=$(mktemp -d /tmp/broadsheet-search-sql.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - <<'PY'

import datetime
NOW="'" + datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S') + "'"
FROM='''FROM "ArticleSearch" CROSS JOIN "Articles" a INDEXED BY "IX_Articles_SearchFilter" ON a."Id" = "ArticleSearch".rowid'''
LIVE=f'''AND a."Status" IN ('Published', 'Scheduled') AND a."PublishedAt" IS NOT NULL AND a."PublishedAt" <= {NOW}'''
RANK='''(-bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 2.0, 2.0))'''
SCORE=f'''{RANK} / (1.0 + (julianday({NOW}) - julianday(a."PublishedAt")) / 30)'''
def q(match, extra="", newest=False, new=True):
    where=f'''{FROM} WHERE "ArticleSearch" MATCH '{match}' {LIVE} {extra}'''
    if not new:
        count=f"SELECT COUNT(*) {where};"
        order='a."PublishedAt" DESC, a."Id" DESC' if newest else 'score DESC, a."Id" DESC'
        page=f"SELECT a.\"Id\", {SCORE} AS score {where} ORDER BY {order} LIMIT 20;"
        return count+"\n"+page
    count=f"SELECT COUNT(*) FROM (SELECT 1 {where} LIMIT 10001);"
    if newest:
        page=f"SELECT a.\"Id\", 0.0 {where} ORDER BY a.\"PublishedAt\" DESC, a.\"Id\" DESC LIMIT 20;"
    else:
        head=match.replace("'","''")
        page=f'''WITH candidates("Id") AS (
 SELECT "Id" FROM (SELECT a."Id" {where} ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 500)
 UNION
 SELECT "Id" FROM (SELECT a."Id" {FROM} WHERE "ArticleSearch" MATCH '{{Title}} : ({match})' {LIVE} {extra} ORDER BY {SCORE} DESC LIMIT 500))
SELECT a."Id", {SCORE} AS score {FROM} WHERE "ArticleSearch" MATCH '{match}' AND +"ArticleSearch".rowid IN (SELECT "Id" FROM candidates) ORDER BY score DESC, a."Id" DESC LIMIT 20;'''
    return count+"\n"+page
cases={"selective":('"Lighthouse"',"",False),"common":('"council"',"",False),"phrase":('"chief executive"',"",False),
 "category":('"council"','AND a."CategoryId" = (SELECT "Id" FROM "Categories" WHERE "Slug"=\'politics\')',False),"newest":('"council"',"",True)}
for name,(m,e,n) in cases.items():
    for ver in ("old","new"):
        open(f"{name}-{ver}.sql","w").write(".output /dev/null\n.timer on\n"+q(m,e,n,ver=="new")+"\n")
PY
printf '| query | before | after |\n| --- | ---: | ---: |\n'
for name in selective common phrase category newest; do
  row="| $name"
  for ver in old new; do
    best=999
    for _ in 1 2 3; do
      t=$(sqlite3 -readonly "$db" < "$name-$ver.sql" 2>&1 | awk '/Run Time/{s+=$6} END{print s}')
      best=$(python3 -c "print(min($best, $t))")
    done
    row+=" | $(python3 -c "print(f'{$best*1000:.1f} ms')")"
  done
  echo "$row |"
done
echo "[$(date -u +%F), $(nproc) cores, sqlite3 $(sqlite3 --version | cut -d' ' -f1), load $(cut -d' ' -f1-3 /proc/loadavg)]"
