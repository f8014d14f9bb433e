#!/usr/bin/env bash
# The article page with view counting on, against the same bytes as a static file, in one run;
# then checks that the counted views equal the distinct simulated readers.
# Usage: bench/views.sh [readers=5000] [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
readers=${1:-5000}
seconds=${2:-15}
connections=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/broadsheet-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

source bench/lib.sh
need_wrk
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

echo "==> Publishing Release builds"
publish_app "$work/app"
dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet
echo "==> Seeding 10000 articles (SQLite)"
mkdir -p "$work/www"
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles 10000 | tail -n 1)

port=$(free_port); static_port=$(free_port)
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1:$port Demo__Seed=false Logging__LogLevel__Default=Warning Accounts__AnnounceSetup=false \
  exec dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >>"$work/app.log" 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$port/health"; wait_for "http://127.0.0.1:$port/"

slug=$(curl -fsS "http://127.0.0.1:$port/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
path="/articles/$slug"
curl -fsS "http://127.0.0.1:$port$path" -o "$work/www/article.html"   # curl's User-Agent is not a reader
bytes=$(stat -c %s "$work/www/article.html")
db="$work/app/data/broadsheet.db"
before=$(sqlite3 "$db" "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Slug\" = '$slug'") # the seed gives articles some views
dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$static_port/article.html"

measure() { # url -> "req/s p99 requests"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/readers.lua "$1" > "$work/wrk.out"
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  echo "$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.out") $(awk '$1=="99%" {print $2}' "$work/wrk.out") $(awk '/requests in/ {print $1}' "$work/wrk.out")"
}

echo "==> Warm-up without a User-Agent (not counted)"
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port$path" >/dev/null
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$static_port/article.html" >/dev/null
echo "==> wrk -t2 -c$connections -d${seconds}s, $readers distinct readers, page of $bytes bytes"
export READERS=$readers
read -r page_rps page_p99 page_requests < <(measure "http://127.0.0.1:$port$path")
read -r static_rps static_p99 _ < <(measure "http://127.0.0.1:$static_port/article.html")

sleep 3 # the drain: the flusher writes about once a second
counted=$(( $(sqlite3 "$db" "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Slug\" = '$slug'") - before ))
viewers=$(sqlite3 "$db" "SELECT COUNT(*) FROM \"ArticleViewers\" v JOIN \"Articles\" a ON a.\"Id\" = v.\"ArticleId\" WHERE a.\"Slug\" = '$slug'")
daily=$(sqlite3 "$db" "SELECT COALESCE(SUM(\"Views\"), 0) FROM \"ArticleDailyViews\" d JOIN \"Articles\" a ON a.\"Id\" = d.\"ArticleId\" WHERE a.\"Slug\" = '$slug'")
expected=$(( page_requests < readers ? page_requests : readers ))
verdict=$([[ $counted == "$expected" && $daily == "$expected" ]] && echo PASS || echo FAIL)
ratio=$(python3 -c "print(f'{$page_rps/$static_rps:.2f}')")

printf '\n| page | req/s | p99 |\n| --- | ---: | ---: |\n'
printf '| article %s with view counting (%s readers) | %.0f | %s |\n' "$path" "$readers" "$page_rps" "$page_p99"
printf '| same bytes as a static file (Kestrel) | %.0f | %s |\n' "$static_rps" "$static_p99"
printf '\nratio article/static: %s; %s requests, counted views %s, daily row %s, viewer rows %s, distinct readers %s -> %s  [%s, %s cores, .NET SDK %s]\n' \
  "$ratio" "$page_requests" "$counted" "$daily" "$viewers" "$expected" "$verdict" "$(date -u +%F)" "$(nproc)" "$(dotnet --version)"
grep -i "warn\|fail" "$work/app.log" | head -5 || true
[[ $verdict == PASS ]]
