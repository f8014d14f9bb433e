#!/usr/bin/env bash
# Live coverage (issue 23): N readers hold the demo's live story's event stream open while an
# editor posts an entry through the composer every second; a small .NET client (bench/LiveReaders)
# measures post-to-receipt latency per entry and missed/duplicated entries per reader, the app's
# RSS per connection and its CPU. During the posting, wrk measures the article page (evicted on
# every entry) against the same bytes as a static file (bench/StaticServer), measured beforehand.
# One box, SQLite, output cache as shipped.
# --nginx: two instances on one PostgreSQL and one Redis behind nginx (deploy/nginx/broadsheet.conf
# as shipped, bench/lib.sh's write_nginx_conf); the readers connect through nginx (round-robin, so
# about half on each instance), the editor posts on the first instance, so the second one's
# readers get every entry over Redis. The article page is measured through nginx too, against the
# same bytes served by nginx as a static file, and against the same bytes served as a static file
# by two Kestrel processes behind the same nginx location (the shipped `location /`, its upstream
# pointed at two bench/StaticServer processes): that second reference costs what the topology
# costs (nginx, a proxied hop, two .NET processes on the same cores), so its ratio says what the
# app adds. Adds a line per instance (RSS, CPU).
# Both modes also measure the article before the readers connect, the reference again during the
# run (after the article, under the same streams: what is left of the box for any page), and print
# the CPU of each role per phase (bench/cpu_roles.py).
# Usage: bench/live.sh [--nginx] [readers=500] [seconds=60]   (APP_DIR=published app to reuse)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=one-box
[[ ${1:-} == --nginx ]] && { mode=nginx; shift; }
readers=${1:-500}
seconds=${2:-60}
connections=${CONNECTIONS:-32}
# Each reader is a socket in the client and one in the app: raise the limit as far as allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > readers + 1000 )) || echo "warning: ulimit -n is $(ulimit -n), too low for $readers readers" >&2
source bench/lib.sh
need_wrk
[[ $mode == nginx ]] && need_servers

work=$(mktemp -d /tmp/broadsheet-live.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  stop_postgres; [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

echo "==> Publishing Release builds"
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; rm -rf "$work/app/data"; else publish_app "$work/app"; fi
# TOOLS_DIR=<folder with readers/ and static-server/ publishes>: reuse them (no build inside a quiet run).
if [[ -n ${TOOLS_DIR:-} ]]; then cp -r "$TOOLS_DIR/readers" "$TOOLS_DIR/static-server" "$work/"; else
  dotnet publish bench/LiveReaders -c Release -o "$work/readers" -nologo -v quiet
  dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet
fi

export ASPNETCORE_ENVIRONMENT=Production
email=live-editor@bench.test
password="a bench editor's long password"
start_app() { # port log [env...]: the app from its publish folder; $! is the app itself (exec)
  local port=$1 log=$2; shift 2
  (cd "$work/app" && exec env "Site__BaseUrl=http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "$@" \
    dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  app_pid=$!; pids+=("$app_pid")
  wait_for "http://127.0.0.1:$port/health"
}
slug=storm-reaches-the-coast-live
path="/articles/$slug"
if [[ $mode == one-box ]]; then
  export "ConnectionStrings__Broadsheet=Data Source=$work/bench.db"
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll users create --email "$email" --password "$password" --role editor --name "Bench Editor" >/dev/null)
  port=$(free_port)
  # The demo newsroom is written on first start: its live story is the one the readers follow.
  start_app "$port" "$work/app.log" Demo__Seed=true; app_pids=$app_pid
  WAIT_TRIES=1500 wait_for "http://127.0.0.1:$port$path"
  editor_url="http://127.0.0.1:$port"; stream_url=$editor_url; page_url=$editor_url
else
  echo "==> Scale-out: PostgreSQL, Redis, two instances, nginx"
  start_postgres "$work/pg"
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  pids+=($!)
  export Database__Provider=Postgres "Redis__Configuration=127.0.0.1:$redis_port" \
    "ConnectionStrings__Broadsheet=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet;Maximum Pool Size=100"
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll migrate | tail -n 1)
  (cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll users create --email "$email" --password "$password" --role editor --name "Bench Editor" >/dev/null)
  p1=$(free_port); p2=$(free_port); np=$(free_port); sp=$(free_port)
  # The site's name is nginx's server_name (nginx sends it as Host; an instance answers only its
  # own host and loopback), as in the suite's cluster (tests/Broadsheet.Tests/Fixtures/ScaleOutCluster.cs).
  site=Site__BaseUrl=http://$(awk '/^ *server_name / {sub(";", "", $2); print $2; exit}' deploy/nginx/broadsheet.conf)
  # The first instance writes the demo newsroom; the second starts once it is there.
  start_app "$p1" "$work/app1.log" "$site" Demo__Seed=true; i1=$app_pid
  WAIT_TRIES=1500 wait_for "http://127.0.0.1:$p1$path"
  start_app "$p2" "$work/app2.log" "$site" Demo__Seed=false Database__MigrateOnStart=false; i2=$app_pid
  app_pids="$i1,$i2"
  mkdir -p "$work/nwww"
  # Two sockets per reader (the reader's and the upstream one) in whichever worker accepted it,
  # within what the box allows a process (nginx warns, and goes on, when asked for more).
  wc=$((2 * readers + 1024)); hard=$(ulimit -Hn); [[ $hard != unlimited ]] && ((wc > hard)) && wc=$hard
  # The proxied static reference: two static servers behind the shipped `location /` block.
  s1=$(free_port); s2=$(free_port); sq=$(free_port)
  for s in "$s1" "$s2"; do
    dotnet "$work/static-server/StaticServer.dll" --root "$work/nwww" --urls "http://127.0.0.1:$s" >"$work/static-$s.log" 2>&1 &
    pids+=($!)
  done
  location=$(awk '/^[[:space:]]*location \/ \{/ {f=1} f && !/^[[:space:]]*#/ {print} f && /^[[:space:]]*\}/ {exit}' deploy/nginx/broadsheet.conf \
    | sed 's|http://broadsheet;|http://static_reference;|')
  # Its access log as the shipped server's (format and buffering), in a file of its own.
  log_format=$(awk '/^[[:space:]]*access_log / {$1 = ""; $2 = ""; sub(/^ +/, ""); print; exit}' deploy/nginx/broadsheet.conf)
  [[ $location == *static_reference* ]] || { echo "no 'location /' block with proxy_pass in deploy/nginx/broadsheet.conf" >&2; exit 1; }
  NGINX_WORKER_CONNECTIONS=$wc \
    write_nginx_conf "$work/nginx" "$np" "$p1" "$p2" "server { listen 127.0.0.1:$sp; root $work/nwww; }
  upstream static_reference { server 127.0.0.1:$s1; server 127.0.0.1:$s2; keepalive 128; }
  server { listen 127.0.0.1:$sq; server_name ${site##*/}; access_log $work/nginx/logs/static-reference.log $log_format $location }"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
  pids+=($!)
  wait_for "http://127.0.0.1:$np/health"
  # The editor on the first instance; readers and the article page through nginx.
  editor_url="http://127.0.0.1:$p1"; stream_url="http://127.0.0.1:$np"; page_url=$stream_url
fi
story=$(curl -fsS "$page_url$path" | grep -o 'data-live-stream="/live/[0-9]*/' | grep -o '[0-9]*')
echo "==> Live story $story at $path"

mkdir -p "$work/www"
curl -fsS "$page_url$path" -o "$work/www/article.html"
bytes=$(stat -c %s "$work/www/article.html")
if [[ $mode == one-box ]]; then
  static_port=$(free_port)
  dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
  pids+=($!)
  static_url="http://127.0.0.1:$static_port/article.html"
else
  cp "$work/www/article.html" "$work/nwww/article.html"
  static_url="http://127.0.0.1:$sp/article.html"
  proxied_url="http://127.0.0.1:$sq/article.html"
fi
wait_for "$static_url"

# Two wrk windows fit in the posting: the article, then its reference under the same streams.
wrk_seconds=$((seconds / 3 > 20 ? 20 : seconds / 3))
# CPU per role (nginx workers, each instance, PostgreSQL, Redis, the clients) and per phase.
phase() { echo "$1" > "$work/phase"; }
phase setup
roots=$$; [[ -n ${pg_dir:-} ]] && roots+=",$(head -n1 "$pg_dir/data/postmaster.pid")"
roles=(); i=0; for p in ${app_pids//,/ }; do i=$((i + 1)); roles+=("$p=app instance $i"); done
python3 bench/cpu_roles.py "$work/phase" "$roots" "${roles[@]}" > "$work/cpu.out" &
sampler=$!; pids+=("$sampler")
measure() { # url seconds -> req/s
  wrk -t2 -c"$connections" -d"$2s" "$1" > "$work/wrk.out"
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  awk '/^Requests\/sec/ {print $2}' "$work/wrk.out"
}
echo "==> Static reference: wrk -t2 -c$connections -d${wrk_seconds}s, $bytes bytes"
wrk -t2 -c"$connections" -d3s "$static_url" >/dev/null
phase "static, no readers"
static_rps=$(measure "$static_url" "$wrk_seconds")
phase idle
proxied_rps=
if [[ $mode == nginx ]]; then
  wait_for "$proxied_url"
  echo "==> Proxied static reference (nginx -> two static servers): wrk -t2 -c$connections -d${wrk_seconds}s"
  wrk -t2 -c"$connections" -d3s "$proxied_url" >/dev/null
  phase "proxied static, no readers"
  proxied_rps=$(measure "$proxied_url" "$wrk_seconds")
  phase idle
fi
wrk -t2 -c"$connections" -d3s "$page_url$path" >/dev/null   # warm-up: JIT, pools, the cache
# The article before the readers: what the path itself costs, apart from the streams.
phase "article, no readers"
idle_rps=$(measure "$page_url$path" "$wrk_seconds")
phase idle

echo "==> $readers readers, one entry a second for ${seconds}s"
phase "readers connecting"
dotnet "$work/readers/LiveReaders.dll" --url "$editor_url" --stream-url "$stream_url" --story "$story" --slug "$slug" \
  --email "$email" --password "$password" --readers "$readers" --seconds "$seconds" \
  --app-pid "$app_pids" --ready-file "$work/ready" > "$work/readers.out" 2>&1 &
readers_pid=$!
pids+=("$readers_pid")
for _ in $(seq 1 3000); do [[ -f $work/ready ]] && break; kill -0 "$readers_pid" 2>/dev/null || break; sleep 0.2; done
[[ -f $work/ready ]] || { cat "$work/readers.out" >&2; echo "the readers never connected" >&2; exit 1; }
sleep 2
if [[ -n ${GCDUMP:-} ]]; then # GCDUMP=1: each app's live managed heap with the readers connected (perturbs the article figure)
  gcdump=$HOME/.dotnet/tools/dotnet-gcdump
  [[ -x $gcdump ]] || dotnet tool install -g dotnet-gcdump >/dev/null
  for p in ${app_pids//,/ }; do
    "$gcdump" collect -p "$p" -o "$work/app-$p.gcdump" >/dev/null
    echo "GCHEAP pid=$p $("$gcdump" report "$work/app-$p.gcdump" | awk 'NR==1 {print $1}') bytes with $readers readers connected"
  done
fi
phase "article, readers"
article_rps=$(measure "$page_url$path" "$wrk_seconds")
# The reference under the same streams: what is left of the box for any page during the run.
reference_url=${proxied_url:-$static_url}
phase "reference, readers"
during_rps=$(measure "$reference_url" "$wrk_seconds")
phase "readers only"
status=0
wait "$readers_pid" || status=$?
phase end
sleep 1.5; kill "$sampler"; wait "$sampler" 2>/dev/null || true
cat "$work/readers.out"
ratio=$(python3 -c "print(f'{$article_rps/$static_rps:.2f}')")
printf '\n%s: article page during the run: %.0f req/s; static reference: %.0f req/s; ratio %s  [%s, %s cores, .NET SDK %s]\n' \
  "$mode" "$article_rps" "$static_rps" "$ratio" "$(date -u +%F)" "$(nproc)" "$(dotnet --version)"
proxied=
if [[ -n $proxied_rps ]]; then
  proxied_ratio=$(python3 -c "print(f'{$article_rps/$proxied_rps:.2f}')")
  printf 'nginx: proxied static reference (the same bytes from two static servers behind the same location): %.0f req/s; ratio %s\n' \
    "$proxied_rps" "$proxied_ratio"
  proxied=" proxied_static_rps=$(printf '%.0f' "$proxied_rps") proxied_ratio=$proxied_ratio"
fi
during_ratio=$(python3 -c "print(f'{$article_rps/$during_rps:.2f}')")
printf '%s: the article before the readers: %.0f req/s; the %s reference during the run (after the article): %.0f req/s; article / it %s\n' \
  "$mode" "$idle_rps" "$([[ $mode == nginx ]] && echo proxied static || echo static)" "$during_rps" "$during_ratio"
cat "$work/cpu.out"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
result=$(grep '^RESULT' "$work/readers.out" || echo "RESULT failed=1")
[[ $mode == nginx ]] && grep -h 'upstream timed out\|worker_connections\|Too many open files' "$work/nginx/logs/"*.log | head -3 >&2 || true
echo "$result mode=$mode article_rps=$(printf '%.0f' "$article_rps") static_rps=$(printf '%.0f' "$static_rps") ratio=$ratio$proxied idle_article_rps=$(printf '%.0f' "$idle_rps") reference_during_rps=$(printf '%.0f' "$during_rps") ratio_during=$during_ratio"
exit "$status"
