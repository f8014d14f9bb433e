#!/usr/bin/env bash
# Live coverage (issue 23): N readers hold the demo's live story's event stream open while an
# editor posts an entry through the composer every second; a small .NET client (bench/LiveReaders)
# measures post-to-receipt latency per entry and missed/duplicated entries per reader, the app's
# RSS per connection and its CPU. During the posting, wrk measures the article page (evicted on
# every entry) against the same bytes as a static file (bench/StaticServer), measured beforehand.
# One box, SQLite, output cache as shipped. Usage: bench/live.sh [readers=500] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
readers=${1:-500}
seconds=${2:-60}
connections=${CONNECTIONS:-32}
# Each reader is a socket in the client and one in the app: raise the limit as far as allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > readers + 1000 )) || echo "warning: ulimit -n is $(ulimit -n), too low for $readers readers" >&2
source bench/lib.sh
need_wrk

work=$(mktemp -d /tmp/broadsheet-live.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "==> Publishing Release builds"
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; else publish_app "$work/app"; fi
dotnet publish bench/LiveReaders -c Release -o "$work/readers" -nologo -v quiet
dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet

export ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Broadsheet=Data Source=$work/bench.db"
email=live-editor@bench.test
password="a bench editor's long password"
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll users create --email "$email" --password "$password" --role editor --name "Bench Editor" >/dev/null)

port=$(free_port); static_port=$(free_port)
# The demo newsroom is written on first start: its live story is the one the readers follow.
(cd "$work/app" && exec env "Site__BaseUrl=http://127.0.0.1:$port" Demo__Seed=true Logging__LogLevel__Default=Warning \
  dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app_pid=$!
pids+=("$app_pid")
wait_for "http://127.0.0.1:$port/health"
slug=storm-reaches-the-coast-live
path="/articles/$slug"
WAIT_TRIES=1500 wait_for "http://127.0.0.1:$port$path"
story=$(curl -fsS "http://127.0.0.1:$port$path" | grep -o 'data-live-stream="/live/[0-9]*/' | grep -o '[0-9]*')
echo "==> Live story $story at $path"

mkdir -p "$work/www"
curl -fsS "http://127.0.0.1:$port$path" -o "$work/www/article.html"
bytes=$(stat -c %s "$work/www/article.html")
dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$static_port/article.html"

wrk_seconds=$((seconds / 2 > 20 ? 20 : seconds / 2))
measure() { # url seconds -> req/s
  wrk -t2 -c"$connections" -d"$2s" "$1" > "$work/wrk.out"
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  awk '/^Requests\/sec/ {print $2}' "$work/wrk.out"
}
echo "==> Static reference: wrk -t2 -c$connections -d${wrk_seconds}s, $bytes bytes"
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$static_port/article.html" >/dev/null
static_rps=$(measure "http://127.0.0.1:$static_port/article.html" "$wrk_seconds")
wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port$path" >/dev/null   # warm-up: JIT, pools, the cache

echo "==> $readers readers, one entry a second for ${seconds}s"
dotnet "$work/readers/LiveReaders.dll" --url "http://127.0.0.1:$port" --story "$story" --slug "$slug" \
  --email "$email" --password "$password" --readers "$readers" --seconds "$seconds" \
  --app-pid "$app_pid" --ready-file "$work/ready" > "$work/readers.out" 2>&1 &
readers_pid=$!
pids+=("$readers_pid")
for _ in $(seq 1 3000); do [[ -f $work/ready ]] && break; kill -0 "$readers_pid" 2>/dev/null || break; sleep 0.2; done
[[ -f $work/ready ]] || { cat "$work/readers.out" >&2; echo "the readers never connected" >&2; exit 1; }
sleep 2
article_rps=$(measure "http://127.0.0.1:$port$path" "$wrk_seconds")
status=0
wait "$readers_pid" || status=$?
cat "$work/readers.out"
ratio=$(python3 -c "print(f'{$article_rps/$static_rps:.2f}')")
printf '\narticle page during the run: %.0f req/s; static reference: %.0f req/s; ratio %s  [%s, %s cores, .NET SDK %s]\n' \
  "$article_rps" "$static_rps" "$ratio" "$(date -u +%F)" "$(nproc)" "$(dotnet --version)"
result=$(grep '^RESULT' "$work/readers.out" || echo "RESULT failed=1")
echo "$result article_rps=$(printf '%.0f' "$article_rps") static_rps=$(printf '%.0f' "$static_rps") ratio=$ratio"
exit "$status"
