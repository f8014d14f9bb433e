#!/usr/bin/env bash
# Signed-in readers against anonymous ones, and what a cache miss costs, in one run against the
# same bytes as a static file on Kestrel (Release build, SQLite, wrk on this machine).
# Also: SQL statements per request (EF's command log, counting only statements run inside a
# request), cold start to the first /health 200 and the first article, and RSS at the end.
# Usage: bench/signedin.sh [articles=10000] [seconds=10]   (bench/signedin.sh 100000 for the 100k mode; APP_DIR=published app to reuse)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
seconds=${2:-10}
connections=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/broadsheet-signedin.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib.sh
need_wrk

echo "==> Publishing Release builds"
# APP_DIR: an existing publish to reuse (a ReadyToRun publish takes minutes), as the other benches take it.
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; rm -rf "$work/app/data"; else publish_app "$work/app"; fi
dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet
# From 50,000 articles up the seeded file is kept in $BENCH_DB_DIR (as bench/cold-start.sh --articles
# keeps it; 100,000 take 30-45 min to seed) and each run works on a copy of it.
kept=${BENCH_DB_DIR:-/tmp/broadsheet-bench}/articles-$articles.db
mkdir -p "$work/app/data"
if (( articles >= 50000 )) && [[ -f $kept ]]; then
  echo "==> Copying the kept $articles-article file $kept, and one reader"
  cp "$kept" "$work/app/data/broadsheet.db"
else
  echo "==> Seeding $articles articles (SQLite) and one reader"
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)
  if (( articles >= 50000 )); then mkdir -p "$(dirname "$kept")"; cp "$work/app/data/broadsheet.db" "$kept.partial" && mv "$kept.partial" "$kept"; fi
fi
email="bench-reader@example.test"; password="correct horse battery staple"
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll users create --email "$email" --password "$password" --role reader --name "Bench Reader" | tail -n 1)

start_app() { # port page-seconds log [env...] -> app_pid, started_ms (ms from launch to /health 200)
  local port=$1 page=$2 log=$3; shift 3
  local t0; t0=$(date +%s%N)
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production "Site__BaseUrl=http://127.0.0.1:$port" Demo__Seed=false \
    Logging__LogLevel__Default=Warning Accounts__AnnounceSetup=false Caching__PageSeconds="$page" "$@" \
    dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >>"$log" 2>&1) &
  app_pid=$!; pids+=("$app_pid")
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.02; done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
port=$(free_port); miss_port=$(free_port); count_port=$(free_port); static_port=$(free_port)
start_app "$port" 30 "$work/app.log"; app=$app_pid; cold_health=$started_ms
slug=$(curl -fsS "http://127.0.0.1:$port/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
t0=$(date +%s%N); curl -fsS -o /dev/null "http://127.0.0.1:$port/articles/$slug"; cold_article=$(( cold_health + ($(date +%s%N) - t0) / 1000000 ))
start_app "$miss_port" 0 "$work/miss.log"
start_app "$count_port" 30 "$work/count.log" Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information Logging__Console__FormatterOptions__IncludeScopes=true
category=$(curl -fsS "http://127.0.0.1:$port/" | grep -o 'href="/category/[a-z0-9-]*"' | head -n 1 | sed 's|href="||; s|"||')
# Page 400 as "Load more" links to it since issue 15: the cursor after page 399's last story.
# A deep section page: 200 at 100,000 articles (about 12,000 a section), 20 below that.
catpage=$(( articles >= 100000 ? 200 : 20 )); catdeep="category ?page=$catpage, cache miss"
deep=$(curl -fsS "http://127.0.0.1:$port/latest?page=399" | grep -o 'href="/latest?before=[0-9-]*"' | head -n 1 | sed 's|href="||; s|"||')
# A cookie older than Accounts:StampCheckSeconds (30 s) is re-validated and re-issued; a browser keeps
# the new one, wrk cannot, so every signed-in run signs in afresh and lasts less than that.
signin() { python3 bench/signin.py "$1" "$email" "$password"; }
cookie=$(signin "$port")

mkdir -p "$work/www"; curl -fsS "http://127.0.0.1:$port/articles/$slug" -o "$work/www/article.html"
bytes=$(stat -c %s "$work/www/article.html")
# Read whole, then searched: `curl | grep -q` fails under pipefail whenever grep stops reading first.
signed_page=$(curl -fsS -H "Cookie: $cookie" "http://127.0.0.1:$port/articles/$slug")
grep -q 'class="account-name">Bench Reader<' <<<"$signed_page" || { echo "the signed-in page does not name the reader" >&2; exit 1; }
dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!); wait_for "http://127.0.0.1:$static_port/article.html"

count_since() { # log line -> statements run inside requests since then (one JSON entry a line; a request's carry its RequestPath scope)
  tail -n +"$(($1 + 1))" "$work/count.log" | grep 'Microsoft.EntityFrameworkCore.Database.Command' | grep -c 'RequestPath' || true
}
statements() { # path [cookie] -> "miss/hit": SQL statements run inside the first request (it renders) and the second
  local args=(-fsS -o /dev/null); [[ -n ${2:-} ]] && args+=(-H "Cookie: $2")
  local from; from=$(wc -l < "$work/count.log")
  curl "${args[@]}" "http://127.0.0.1:$count_port$1"; sleep 0.3
  local miss; miss=$(count_since "$from"); from=$(wc -l < "$work/count.log")
  curl "${args[@]}" "http://127.0.0.1:$count_port$1"; sleep 0.3
  echo "$miss/$(count_since "$from")"
}
measure() { # url [cookie] -> "req/s p99"
  local h=(); [[ -n ${2:-} ]] && h=(-H "Cookie: $2")
  wrk -t2 -c"$connections" -d3s "${h[@]}" "$1" >/dev/null
  # A long timeout: on a loaded machine a render can take seconds, and is then counted, not dropped.
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "${h[@]}" "$1" > "$work/wrk.out"
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  echo "$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.out") $(awk '$1=="99%" {print $2}' "$work/wrk.out")"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "==> wrk -t2 -c$connections -d${seconds}s, article page of $bytes bytes, load before: $load_before"
declare -A rps p99 sql
run() { # label url [signed-in]
  local p=${2#http://127.0.0.1:}; p=${p%%/*}
  local c=""; [[ -n ${3:-} ]] && c=$(signin "$p")
  read -r "rps[$1]" "p99[$1]" < <(measure "$2" "$c")
}
a="http://127.0.0.1:$port"; m="http://127.0.0.1:$miss_port"
run static "http://127.0.0.1:$static_port/article.html"
run "article, anonymous" "$a/articles/$slug"
run "article, signed-in" "$a/articles/$slug" signed-in
run "home, anonymous" "$a/"
run "home, signed-in" "$a/" signed-in
run "article, cache miss (Caching:PageSeconds=0)" "$m/articles/$slug"
run "home, cache miss" "$m/"
run "category page 1, cache miss" "$m$category"
run "/latest?page=400, cache miss" "$m/latest?page=400"
run "$catdeep" "$m$category?page=$catpage"
run "/latest?before= (page 400 by cursor), cache miss" "$m$deep"
run "/latest?page=1, cache miss" "$m/latest"
run "home, signed-in, cache miss" "$m/" signed-in
sql["static"]="-"
sql["article, anonymous"]=$(statements "/articles/$slug")
count_cookie=$(signin "$count_port")
sql["article, signed-in"]=$(statements "/articles/$slug" "$count_cookie")
sql["home, anonymous"]=$(statements "/")
sql["home, signed-in"]=$(statements "/" "$count_cookie")
sql["category page 1, cache miss"]=$(statements "$category")
sql["/latest?page=400, cache miss"]=$(statements "/latest?page=400")
sql["$catdeep"]=$(statements "$category?page=$catpage")
sql["/latest?before= (page 400 by cursor), cache miss"]=$(statements "$deep")
sql["/latest?page=1, cache miss"]=$(statements "/latest")
rss_mb=$(( $(ps -o rss= -p "$app") / 1024 ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

printf '\n| page | req/s | x static | p99 | SQL statements (miss/hit) |\n| --- | ---: | ---: | ---: | ---: |\n'
for k in static "article, anonymous" "article, signed-in" "home, anonymous" "home, signed-in" \
         "article, cache miss (Caching:PageSeconds=0)" "home, cache miss" "category page 1, cache miss" "/latest?page=400, cache miss" "$catdeep" "/latest?before= (page 400 by cursor), cache miss" "/latest?page=1, cache miss" "home, signed-in, cache miss"; do
  printf '| %s | %.0f | %s | %s | %s |\n' "$k" "${rps[$k]}" "$(python3 -c "print(f'{${rps[$k]}/${rps[static]}:.2f}')")" "${p99[$k]}" "${sql[$k]:-}"
done
printf '\ncold start (%s articles): /health 200 after %s ms, first article after %s ms; RSS of the cached instance after the runs: %s MB\n' \
  "$articles" "$cold_health" "$cold_article" "$rss_mb"
printf 'load average before %s, after %s  [%s, %s cores, .NET SDK %s]\n' "$load_before" "$load_after" "$(date -u +%F)" "$(nproc)" "$(dotnet --version)"
echo "RESULT signedin $articles articles: home miss ${rps[home, cache miss]} req/s p99 ${p99[home, cache miss]}; /latest?page=400 miss ${rps[/latest?page=400, cache miss]} req/s p99 ${p99[/latest?page=400, cache miss]}; article miss $(python3 -c "print(f'{${rps[article, cache miss (Caching:PageSeconds=0)]}/${rps[static]}:.2f}')") x static"
