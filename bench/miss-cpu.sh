#!/usr/bin/env bash
# What a cache miss costs, in units a loaded machine does not move (issue 15): for each page,
# the SQL statements one render runs (EF's command log) and the app's CPU milliseconds per
# render over a fixed number of sequential requests (utime + stime from /proc, Caching:PageSeconds=0
# so every request renders), and the 95th percentile of those requests' times as curl saw them.
# Run it before and after a change on copies of the same database.
# Usage: bench/miss-cpu.sh DB-FILE [requests=200]
#   APP_DIR=<a build's output folder> (default: this clone's Release build)
#   The file is used as is (its pending migrations are applied by the first start): pass a copy.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$(realpath "$1"); requests=${2:-200}
app_dir=$(realpath "${APP_DIR:-src/Broadsheet/bin/Release/net10.0}")
source bench/lib.sh
work=$(mktemp -d /tmp/broadsheet-miss.XXXXXX)
app_pid=""
cleanup() { [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(free_port)
(cd "$app_dir" && exec env ASPNETCORE_ENVIRONMENT=Production "Site__BaseUrl=http://127.0.0.1:$port" Demo__Seed=false \
  "ConnectionStrings__Broadsheet=Data Source=$db" Logging__LogLevel__Default=Warning Accounts__AnnounceSetup=false \
  Caching__PageSeconds=0 Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
  dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app_pid=$!
WAIT_TRIES=3000 wait_for "http://127.0.0.1:$port/health"
base="http://127.0.0.1:$port"
category=$(curl -fsS "$base/" | grep -o 'href="/category/[a-z0-9-]*"' | head -n 1 | sed 's|href="||; s|"||')
slug=$(curl -fsS "$base/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')

cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
statements() { # path -> SQL statements logged during one request (a render, as nothing is cached)
  local from; from=$(wc -l < "$work/app.log")
  curl -fsS -o /dev/null "$base$1"; sleep 0.5
  tail -n +"$((from + 1))" "$work/app.log" | grep -c 'Executed DbCommand' || true
}
cpu_ms() { # path -> "app CPU ms per request | p95 ms" over $requests sequential requests, after a warm-up
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "$base$1"; done
  local t0; t0=$(cpu_ticks)
  for _ in $(seq 1 "$requests"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$1"; done > "$work/times"
  python3 -c "t = sorted(float(x) for x in open('$work/times')); print(f'{($(cpu_ticks) - $t0) * 1000 / $(getconf CLK_TCK) / $requests:.2f} | {t[int(len(t) * 0.95) - 1] * 1000:.1f}')"
}
# A deep section page: 200 at 100,000 articles (about 12,000 a section), 20 below that (as bench/signedin.sh).
articles=$(python3 -c "import sqlite3; print(sqlite3.connect('file:$db?mode=ro', uri=True).execute('select count(*) from Articles').fetchone()[0])")
catpage=$(( articles >= 100000 ? 200 : 20 ))
paths=("/" "/latest" "/latest?page=400" "$category" "$category?page=$catpage" "/articles/$slug")
# Every page warmed up before any is measured: the JIT's tier-1 recompiles run on background threads
# of the same process for seconds after the start, and were counted against the first page measured
# (under load the home page read 37.8 ms measured first and 14.8 ms after the others: docs/benchmarks.md).
for path in "${paths[@]}"; do for _ in $(seq 1 "${WARMUP:-60}"); do curl -fsS -o /dev/null "$base$path"; done; done
sleep 2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
printf '\n| page (cache miss) | SQL statements | app CPU ms per render | p95 ms (one client) |\n| --- | ---: | ---: | ---: |\n'
results=()
for path in "${paths[@]}"; do
  n=$(statements "$path"); ms=$(cpu_ms "$path")
  printf '| %s | %s | %s |\n' "$path" "$n" "$ms"
  results+=("$path=${ms%% |*}")
done
printf '\nload average before %s, after %s; %s requests a page; %s articles\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$requests" "$(curl -fsS "$base/latest" >/dev/null && python3 -c "import sqlite3; print(sqlite3.connect('file:$db?mode=ro', uri=True).execute('select count(*) from Articles').fetchone()[0])")"
echo "RESULT miss-cpu ms/render: ${results[*]}"
