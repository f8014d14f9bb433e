#!/usr/bin/env bash
# A 500-comment thread: how long it takes to render (wrk on one connection, p50 and p95) and how
# many SQL statements each request runs (EF Core's command log, counted over 20 requests).
# Anonymous and signed-in, the htmx fragment and the full page. SQLite, Release build.
# Usage: bench/comments.sh [comments=500] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
comments=${1:-500}
seconds=${2:-10}
work=$(mktemp -d /tmp/broadsheet-comments-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
need_wrk

echo "==> Publishing a Release build" >&2
publish_app "$work/app"
export ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false "ConnectionStrings__Broadsheet=Data Source=$work/bench.db"
email=bench-reader@example.test
password="a bench reader's password"
(cd "$work/app" && dotnet Broadsheet.dll seed --articles 200 | tail -n 1 >&2)
(cd "$work/app" && dotnet Broadsheet.dll users create --email "$email" --password "$password" --role reader --name "Bench Reader" >&2)
slug=$(python3 bench/comments_seed.py "$work/bench.db" "$comments" "$email")
path="/articles/$slug/comments"
echo "==> $comments comments under /articles/$slug" >&2

start_app() { # port log-file [extra settings...]
  local port=$1 log=$2; shift 2
  (cd "$work/app" && exec env Logging__Console__FormatterName=simple "Site__BaseUrl=http://127.0.0.1:$port" "$@" dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/health"; wait_for "http://127.0.0.1:$port/"
}
timed_port=$(free_port); counted_port=$(free_port)
export Accounts__StampCheckSeconds=3600
start_app "$timed_port" "$work/timed.log" Logging__LogLevel__Default=Warning
timed_pid=${pids[-1]}
# CPU the app itself spent (user + system, in clock ticks): steadier than wall time on a shared box.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$timed_pid/stat"; }
# The second instance logs every SQL statement EF Core runs (event 20101, "Executed DbCommand").
start_app "$counted_port" "$work/counted.log" Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information"

sign_in() { # port -> "Cookie: ..." header for the bench reader
  local base="http://127.0.0.1:$1"
  curl -fsS -D "$work/h1" -o "$work/signin.html" "$base/account/sign-in"
  local token antiforgery
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/signin.html" | head -n1 | sed 's/.*value="//; s/"$//')
  antiforgery=$(grep -i '^set-cookie: .AspNetCore.Antiforgery' "$work/h1" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//' | tr -d '\r')
  curl -sS -o /dev/null -D "$work/h2" -H "Cookie: $antiforgery" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=/" "$base/account/sign-in"
  local auth
  auth=$(grep -i '^set-cookie: __Host-broadsheet=' "$work/h2" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//' | tr -d '\r')
  [[ -n $auth ]] || { echo "sign-in failed" >&2; cat "$work/h2" >&2; exit 1; }
  echo "Cookie: $auth; $antiforgery"
}
timed_cookie=$(sign_in "$timed_port")
counted_cookie=$(sign_in "$counted_port")
curl -fsS -H "$timed_cookie" -o "$work/check.html" "http://127.0.0.1:$timed_port$path"
grep -q 'Bench Reader' "$work/check.html" || { echo "not signed in" >&2; exit 1; }

# name | extra header | signed in?
cases=(
  "anonymous, htmx fragment|HX-Request: true|no"
  "anonymous, full page|X-Bench: page|no"
  "signed in, htmx fragment|HX-Request: true|yes"
  "signed in, full page|X-Bench: page|yes"
)
# Warm-up over every case first: JIT tiers (Razor views are many methods), pools, SQLite's cache.
for c in "${cases[@]}"; do
  IFS='|' read -r name header signed <<<"$c"
  warm=(-H "$header" -H "Accept-Encoding: br"); [[ $signed == yes ]] && warm+=(-H "$timed_cookie")
  wrk -t1 -c1 -d5s "${warm[@]}" "http://127.0.0.1:$timed_port$path" >/dev/null
done
printf '| request | HTML bytes | as sent (br) | p50 | p95 | app CPU per request | SQL statements per request |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n' > "$work/table.md"
for c in "${cases[@]}"; do
  IFS='|' read -r name header signed <<<"$c"
  plain=(-H "$header"); counted_headers=(-H "$header")
  if [[ $signed == yes ]]; then plain+=(-H "$timed_cookie"); counted_headers+=(-H "$counted_cookie"); fi
  timed_headers=("${plain[@]}" -H "Accept-Encoding: br")
  url="http://127.0.0.1:$timed_port$path"
  bytes=$(curl -fsS "${plain[@]}" "$url" | wc -c)
  sent=$(curl -fsS "${timed_headers[@]}" "$url" | wc -c)   # no --compressed: the Brotli bytes as they travel
  cpu_before=$(cpu_ticks)
  line=$(wrk -t1 -c1 -d"${seconds}s" "${timed_headers[@]}" -s bench/percentiles.lua "$url" | grep '^p50_ms=')
  cpu_after=$(cpu_ticks)
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
  cpu=$(python3 -c "print(f'{($cpu_after-$cpu_before)*1000/$(getconf CLK_TCK)/$requests:.1f} ms')")
  grep -q 'errors=0' <<<"$line" || { echo "errors during $name: $line" >&2; }
  # Count: warm the instance once, then 20 requests, and the statements logged in between.
  curl -fsS -o /dev/null "${counted_headers[@]}" "http://127.0.0.1:$counted_port$path"
  sleep 0.5
  before=$(grep -c 'Database.Command\[20101\]' "$work/counted.log" || true)
  for _ in $(seq 20); do curl -fsS -o /dev/null "${counted_headers[@]}" "http://127.0.0.1:$counted_port$path"; done
  sleep 0.5
  after=$(grep -c 'Database.Command\[20101\]' "$work/counted.log" || true)
  per=$(python3 -c "print(f'{($after-$before)/20:.2f}'.rstrip('0').rstrip('.'))")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$bytes" "$sent" "$(sed -E 's/p50_ms=([0-9.]+) p95_ms=([0-9.]+).*/\1 ms | \2 ms/' <<<"$line")" "$cpu" "$per" >> "$work/table.md"
done
cat "$work/table.md"
printf '\n[%s, %s cores, .NET SDK %s, SQLite, %s comments, wrk -t1 -c1 -d%ss, load average at the end: %s]\n' \
  "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$comments" "$seconds" "$(cut -d' ' -f1-3 /proc/loadavg)"
