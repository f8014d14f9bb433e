#!/usr/bin/env bash
# Search latency at 100k generated articles, on SQLite and on PostgreSQL, measured by wrk on
# one connection (latency, not throughput), plus the time `search reindex` takes.
# Each query's page is measured with the page cache as shipped and with it off.
# Usage: bench/search.sh [articles=100000] [seconds=10]
# BENCH_PROVIDERS="sqlite postgres" (the default) picks providers; BENCH_SQLITE_DB=FILE measures the
# queries on an already seeded SQLite file instead of seeding and reindexing a new one;
# BENCH_PUBLISHED=DIR runs the app built there instead of publishing this tree;
# BENCH_PG="Host=...;Port=...;Username=...;Database=..." measures the queries on an already seeded
# PostgreSQL database instead of starting a cluster, seeding and reindexing (for quiet runs under 10 minutes);
# BENCH_CACHE_MODES="on off" (the default) picks the page cache settings to measure ("off" alone halves a run).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
# A 100k-article database can take a while to open on a busy machine: wait up to three minutes.
wait_for() { for _ in $(seq 1 900); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
articles=${1:-100000}
seconds=${2:-10}
work=$(mktemp -d /tmp/broadsheet-search-bench.XXXXXX)
chmod 755 "$work"   # the postgres user must be able to enter it
pids=()
pg_data=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [[ -n $pg_data ]] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
need_wrk
if [[ -n ${BENCH_PUBLISHED:-} ]]; then
  cp -r "$BENCH_PUBLISHED" "$work/app"   # an app already built (BENCH_PUBLISHED=folder with Broadsheet.dll)
else
  echo "==> Publishing a Release build" >&2
  publish_app "$work/app"
fi
pg_bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -n1)")

bench_provider() { # name, then env assignments for the app
  local name=$1; shift
  local env=("$@" ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false Logging__LogLevel__Default=Warning)
  local seed="" reindex=""
  if [[ -z ${reuse:-} ]]; then
  echo "==> $name: seeding $articles articles (uptime: $(uptime))" >&2
  seed=$(cd "$work/app" && env "${env[@]}" dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)
  echo "$seed" >&2
  echo "==> $name: search reindex" >&2
  local start end
  start=$(date +%s.%N)
  (cd "$work/app" && env "${env[@]}" dotnet Broadsheet.dll search reindex | tail -n 1 >&2)
  end=$(date +%s.%N)
  reindex=$(python3 -c "print(f'{$end-$start:.1f}')")
  fi

  # Twice: as shipped (anonymous pages cached for Caching:PageSeconds, 1 s), and with the page
  # cache off, so the figures also show what every query costs when it is not a repeat.
  local cache
  for cache in ${BENCH_CACHE_MODES:-on off}; do
  local port; port=$(free_port)
  local pageSeconds=1; [[ $cache == off ]] && pageSeconds=0
  (cd "$work/app" && exec env "${env[@]}" "Caching__PageSeconds=$pageSeconds" "Site__BaseUrl=http://127.0.0.1:$port" dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >>"$work/$name.log" 2>&1) &
  local app_pid=$!
  pids+=($app_pid)
  wait_for "http://127.0.0.1:$port/health"; wait_for "http://127.0.0.1:$port/"

  # Terms chosen from the data itself, the same way on both providers.
  local selective common
  selective=$(curl -fs "http://127.0.0.1:$port/latest?page=250" | grep -o 'class="card-title"><a href="/articles/[^"]*">[^<]*' | head -n1 | sed 's/.*">//' | tr -cs 'A-Za-z' '\n' | awk 'length > 6' | head -n1)
  common="council"
  declare -A queries=(
    ["selective term ($selective)"]="/search?q=$selective"
    ["common term ($common)"]="/search?q=$common"
    ["phrase (\"chief executive\")"]="/search?q=%22chief+executive%22"
    ["term + category ($common, politics)"]="/search?q=$common&category=politics"
    ["sort=newest ($common)"]="/search?q=$common&sort=newest"
    ["suggest ($common)"]="/search/suggest?q=$common"
  )
  local labels=("selective term ($selective)" "common term ($common)" "phrase (\"chief executive\")" "term + category ($common, politics)" "sort=newest ($common)" "suggest ($common)")
  for label in "${labels[@]}"; do
    local url="http://127.0.0.1:$port${queries[$label]}"
    local total
    # Razor writes the "+" of "10,000+" as &#x2B;.
    total=$(curl -fs "$url" | sed 's/&#x2B;/+/g' | grep -o '[0-9,+]* \(stor[a-z]* found\|results\)' | head -n1 || true)
    wrk -t1 -c1 -d2s "$url" >/dev/null
    local line
    line=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua "$url" | grep '^p50_ms=')
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$cache" "$label" "${total:-0 found}" "$(sed -E 's/p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 ms | \2 ms | \3 ms/' <<<"$line")"
    # One machine-readable line per measurement, for the lead's quiet re-run (stderr, beside the table).
    echo "RESULT search provider=$name cache=$cache query=\"$label\" $line" >&2
  done
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
  done
  if [[ -n $seed ]]; then
    printf '| %s | | seed of %s articles | | %s | | |\n' "$name" "$articles" "$(sed -E 's/.* in ([0-9.]+) s\.$/\1 s/' <<<"$seed")"
    printf '| %s | | search reindex of %s articles | | %s s | | |\n' "$name" "$articles" "$reindex"
    echo "RESULT search provider=$name seed_articles=$articles seed=\"$seed\" reindex_s=$reindex" >&2
  fi
  printf '| %s | | load average during this provider | | %s | | |\n' "$name" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

printf '| provider | page cache | query | results | p50 | p95 | p99 |\n| --- | --- | --- | --- | ---: | ---: | ---: |\n' > "$work/table.md"

providers=${BENCH_PROVIDERS:-sqlite postgres}
if [[ $providers == *sqlite* ]]; then
  reuse=${BENCH_SQLITE_DB:-}
  bench_provider SQLite Database__Provider=Sqlite "ConnectionStrings__Broadsheet=Data Source=${reuse:-$work/bench.db}" >> "$work/table.md"
  reuse=""
  cat "$work/table.md" >&2
fi
[[ $providers == *postgres* ]] || { cat "$work/table.md"; exit 0; }

if [[ -n ${BENCH_PG:-} ]]; then
  reuse=$BENCH_PG
  bench_provider PostgreSQL Database__Provider=Postgres "ConnectionStrings__Broadsheet=$BENCH_PG" >> "$work/table.md"
  cat "$work/table.md"
  printf '\n[%s, %s cores, .NET SDK %s, existing PostgreSQL database, wrk -t1 -c1 -d%ss per query]\n' "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$seconds"
  exit 0
fi
pg_dir="$work/pg"; mkdir -p "$pg_dir"; chown postgres:postgres "$pg_dir"
pg_port=$(free_port); pg_data="$pg_dir/data"
(cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >/dev/null)
(cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_dir/log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null)
bench_provider PostgreSQL Database__Provider=Postgres "ConnectionStrings__Broadsheet=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet_bench" >> "$work/table.md"

cat "$work/table.md"
printf '\n[%s, %s cores, .NET SDK %s, PostgreSQL %s, wrk -t1 -c1 -d%ss per query]\n' \
  "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$("$pg_bin/postgres" --version | awk '{print $3}')" "$seconds"
