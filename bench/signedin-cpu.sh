#!/usr/bin/env bash
# CPU microseconds per request of the app process (utime + stime from /proc, divided by the
# requests wrk completed), for anonymous and signed-in hits on a cached article and home page.
# Unlike req/s, CPU per request hardly moves with the machine's load, so before/after compares
# on a busy box. PROFILE=file.nettrace also records a sampled trace of one signed-in article run
# and prints where its time goes (bench/trace_breakdown.py).
# Usage: bench/signedin-cpu.sh [articles=1000] [seconds=8]   (APP_DIR=published app to reuse)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-1000}
seconds=${2:-8}
work=$(mktemp -d /tmp/broadsheet-signedin-cpu.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib.sh
need_wrk

if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; else echo "==> Publishing"; publish_app "$work/app"; fi
rm -rf "$work/app/data"
email="bench-reader@example.test"; password="correct horse battery staple"
if [[ -n ${DATA_FROM:-} ]]; then cp -r "$DATA_FROM" "$work/app/data"; else # DATA_FROM: a data folder seeded by an earlier run (KEEP_DATA)
  echo "==> Seeding $articles articles (SQLite) and one reader"
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll users create --email "$email" --password "$password" --role reader --name "Bench Reader" | tail -n 1)
  [[ -n ${KEEP_DATA:-} ]] && cp -r "$work/app/data" "$KEEP_DATA"
fi

port=$(free_port)
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production "Site__BaseUrl=http://127.0.0.1:$port" Demo__Seed=false \
  Logging__LogLevel__Default=Warning Accounts__AnnounceSetup=false Caching__PageSeconds=60 \
  dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app=$!; pids+=("$app")
wait_for "http://127.0.0.1:$port/health"
a="http://127.0.0.1:$port"
slug=$(curl -fsS "$a/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
# A category page: a shared page whose holes are the header and a Follow button.
category=$(curl -fsS "$a/" | grep -o 'href="/category/[a-z0-9-]*"' | head -n 1 | sed 's|href="||; s|"||')

ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; } # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)
cpu_per_request() { # url [cookie] -> "µs-per-request requests"
  local h=(); [[ -n ${2:-} ]] && h=(-H "Cookie: $2")
  wrk -t1 -c8 -d2s "${h[@]}" "$1" >/dev/null
  local t0; t0=$(ticks)
  wrk -t1 -c8 -d"${seconds}s" --timeout 10s "${h[@]}" "$1" > "$work/wrk.out"
  local t1; t1=$(ticks)
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  local n; n=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  echo "$(( (t1 - t0) * 1000000 / hz / n )) $n"
}
# A cookie older than Accounts:StampCheckSeconds is re-validated on every request (wrk cannot keep
# the re-issued one): each run signs in afresh and is shorter than that.
signin() { python3 bench/signin.py "$port" "$email" "$password"; }
# Read whole before grep: grep -q stops at the first match, and curl's failed write fails the pipe.
page=$(curl -fsS -H "Cookie: $(signin)" "$a/articles/$slug")
grep -q 'class="account-name">Bench Reader<' <<<"$page" || { echo "the signed-in page does not name the reader" >&2; exit 1; }

declare -A us
for k in "article, anonymous|$a/articles/$slug|" "article, signed-in|$a/articles/$slug|y" \
         "home, anonymous|$a/|" "home, signed-in|$a/|y" "category, anonymous|$a$category|" "category, signed-in|$a$category|y"; do
  IFS='|' read -r label url signed <<<"$k"
  c=""; [[ -n $signed ]] && c=$(signin)
  read -r "us[$label]" _ < <(cpu_per_request "$url" "$c")
  printf '%-22s %6s µs CPU a request\n' "$label" "${us[$label]}"
done
if [[ -n ${PROFILE:-} ]]; then
  c=$(signin)
  wrk -t1 -c8 -d12s -H "Cookie: $c" "$a/articles/$slug" >/dev/null &
  sleep 1
  /root/.dotnet/tools/dotnet-trace collect -p "$app" --profile dotnet-sampled-thread-time --duration 00:00:00:08 -o "$PROFILE" >/dev/null 2>&1
  wait $!
  /root/.dotnet/tools/dotnet-trace convert "$PROFILE" --format Speedscope -o "${PROFILE%.nettrace}" >/dev/null 2>&1
  python3 bench/trace_breakdown.py "${PROFILE%.nettrace}.speedscope.json"
fi
printf 'RESULT article_anon_us=%s article_signedin_us=%s home_anon_us=%s home_signedin_us=%s category_anon_us=%s category_signedin_us=%s load=%s\n' \
  "${us[article, anonymous]}" "${us[article, signed-in]}" "${us[home, anonymous]}" "${us[home, signed-in]}" \
  "${us[category, anonymous]}" "${us[category, signed-in]}" "$(cut -d' ' -f1 /proc/loadavg)"
