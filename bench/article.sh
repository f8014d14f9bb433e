#!/usr/bin/env bash
# Article page vs. the same bytes as a static file, both on Kestrel, Release build, measured
# in one run with wrk on this machine. Usage: bench/article.sh [articles=10000] [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
seconds=${2:-15}
connections=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source bench/lib.sh
need_wrk

echo "==> Publishing Release builds"
publish_app "$work/app"
dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet

echo "==> Seeding $articles articles (SQLite)"
mkdir -p "$work/www"
# The app runs from its publish folder, as an operator would: that is its content root
# (appsettings.json, wwwroot) and where data/broadsheet.db is made.
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)

start_app() { # port page-cache-seconds
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1:$1 Demo__Seed=false Logging__LogLevel__Default=Warning Caching__PageSeconds=$2 \
    exec dotnet Broadsheet.dll --urls "http://127.0.0.1:$1" >>"$work/app.log" 2>&1) &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/health"; wait_for "http://127.0.0.1:$1/"
}
app_port=$(free_port); uncached_port=$(free_port); static_port=$(free_port)
start_app "$app_port" 30          # as shipped: pages come from the output cache
start_app "$uncached_port" 0      # every request renders: queries + Razor

slug=$(curl -fsS "http://127.0.0.1:$app_port/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
path="/articles/$slug"
curl -fsS "http://127.0.0.1:$app_port$path" -o "$work/www/article.html"
bytes=$(stat -c %s "$work/www/article.html")

dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$static_port/article.html"

measure() { # url -> "req/s p99"
  wrk -t2 -c"$connections" -d3s "$1" >/dev/null                  # warm-up: JIT, pools, caches
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" > "$work/wrk.out"
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  echo "$rps $p99"
}

echo "==> wrk -t2 -c$connections -d${seconds}s, page of $bytes bytes"
read -r article_rps article_p99 < <(measure "http://127.0.0.1:$app_port$path")
read -r uncached_rps uncached_p99 < <(measure "http://127.0.0.1:$uncached_port$path")
read -r counters_rps counters_p99 < <(measure "http://127.0.0.1:$app_port$path/counters")
read -r static_rps static_p99 < <(measure "http://127.0.0.1:$static_port/article.html")
ratio=$(python3 -c "print(f'{$article_rps/$static_rps:.2f}')")
uncached_ratio=$(python3 -c "print(f'{$uncached_rps/$static_rps:.2f}')")

printf '\n| page | req/s | p99 |\n| --- | ---: | ---: |\n'
printf '| article %s (%s articles, SQLite), as shipped (output cache) | %.0f | %s |\n' "$path" "$articles" "$article_rps" "$article_p99"
printf '| the same article rendered on every request (cache off) | %.0f | %s |\n' "$uncached_rps" "$uncached_p99"
printf '| its live counters fragment (one read, never cached) | %.0f | %s |\n' "$counters_rps" "$counters_p99"
printf '| same bytes as a static file (Kestrel) | %.0f | %s |\n' "$static_rps" "$static_p99"
printf '\nratio article/static: %s (rendered every request: %s)  [%s, %s cores, .NET SDK %s]\n' \
  "$ratio" "$uncached_ratio" "$(date -u +%F)" "$(nproc)" "$(dotnet --version)"
