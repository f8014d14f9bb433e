#!/usr/bin/env bash
# PostgreSQL bulk load and reindex (issue 17): `seed --articles N` into a fresh database of a
# throwaway cluster, then `search reindex`, each with its wall time and the CPU seconds spent
# by the app (user+sys of the dotnet process) and by PostgreSQL (its backends, reaped by the
# postmaster: cutime+cstime). On a loaded machine the CPU seconds are the comparable figure.
# Usage: bench/search-pg-seed.sh [articles=10000]   BENCH_PUBLISHED=DIR runs the app built there;
# BENCH_SQL=1 (and BENCH_PLANS=1) measure the search SQL afterwards (bench/search-pg-sql.py);
# BENCH_LANGUAGE=simple adds two reindexes that change the language (below).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
articles=${1:-10000}
work=$(mktemp -d /tmp/broadsheet-pg-seed.XXXXXX); chmod 755 "$work"
trap 'stop_postgres; rm -rf "$work"' EXIT
if [[ -n ${BENCH_PUBLISHED:-} ]]; then app=$BENCH_PUBLISHED; else publish_app "$work/app"; app=$work/app; fi
start_postgres "$work/pg"
postmaster=$(head -n1 "$work/pg/data/postmaster.pid")
pg_cpu() { awk '{printf "%.2f", ($14+$15+$16+$17)/100}' "/proc/$postmaster/stat"; }   # clock ticks of 1/100 s
env=(ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false Logging__LogLevel__Default=Warning Site__BaseUrl=http://127.0.0.1
     Database__Provider=Postgres "ConnectionStrings__Broadsheet=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet_seed")
run() { # label, then the app's arguments
  local label=$1; shift
  local before start end; before=$(pg_cpu); start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/time" env "${env[@]}" dotnet "$app/Broadsheet.dll" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  end=$(date +%s.%N); sleep 1   # the backends exit, and are reaped, after the app
  local wall app pg
  wall=$(python3 -c "print(f'{$end-$start:.1f}')"); app=$(awk '{printf "%.1f", $1+$2}' "$work/time"); pg=$(python3 -c "print(f'{$(pg_cpu)-$before:.1f}')")
  printf '| %s | %s s | %s s | %s s |\n' "$label" "$wall" "$app" "$pg"
  grep -v '^{' "$work/out" | tail -n 2 | sed 's/^/  app: /' >&2   # its last progress line, then its total
  echo "RESULT pg-seed step=\"$label\" wall_s=$wall app_cpu_s=$app pg_cpu_s=$pg" >&2
}
printf '| step | wall | app CPU | PostgreSQL CPU |\n| --- | ---: | ---: | ---: |\n'
run migrate migrate
run "seed --articles $articles" seed --articles "$articles"
run "search reindex" search reindex
# BENCH_LANGUAGE=simple: then a reindex into that language and one back to english, which rewrite
# every row (the plain reindex above, in an unchanged language, rewrites none).
if [[ -n ${BENCH_LANGUAGE:-} ]]; then
  env+=("Search__Language=$BENCH_LANGUAGE"); run "search reindex ($BENCH_LANGUAGE)" search reindex
  env+=("Search__Language=english"); run "search reindex (english again)" search reindex
fi
# BENCH_SQL=1: then the search SQL's CPU per query, before and after the narrow search table
# (BENCH_PLANS=1 adds the EXPLAIN (ANALYZE, BUFFERS) of each), on the database just seeded.
if [[ -n ${BENCH_SQL:-} ]]; then python3 bench/search-pg-sql.py "$pg_port" broadsheet_seed; fi
echo "[$(date -u +%F\ %H:%M), $(nproc) cores, PostgreSQL $(psql -V | awk '{print $3}'), load $(cut -d' ' -f1-3 /proc/loadavg)]"
