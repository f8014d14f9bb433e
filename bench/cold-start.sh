#!/usr/bin/env bash
# Cold start, timed from launch to the first 200 from /health and to the first page a reader gets.
#
#   bench/cold-start.sh [RUNS]                   a newcomer: the README's run command (`dotnet run
#                                                --no-build`) on an empty SQLite database; then the time
#                                                until the home page answers 200 (the demo newsroom, written
#                                                after /health answers, is whole).
#   bench/cold-start.sh [RUNS] --existing DB     an existing SQLite file (e.g. one `seed --articles 100000`
#                                                wrote), started as a deployment would (`dotnet Broadsheet.dll`
#                                                from a Release publish); then the time to the first
#                                                article page (the newest story).
#   bench/cold-start.sh [RUNS] --articles N      the same on a file of N generated articles, made once with
#                                                `seed --articles N` and kept as $BENCH_DB_DIR/articles-N.db
#                                                (default /tmp/broadsheet-bench; 100,000 take 30-45 min to seed).
#   bench/cold-start.sh [RUNS] --floor           the floor: bench/EmptyApp (one route, ReadyToRun like the app),
#                                                to its first /health 200; what any ASP.NET Core app pays here.
#
# Besides wall time it reports the app's CPU seconds at each point (utime + stime from /proc), which
# a loaded machine distorts much less than the clock. RUNS defaults to 3. The existing file is used
# in place (start-up only reads it; a first run applies any migration it lacks, the log says so).
# The newcomer's case runs the Release build (dotnet build -c Release first); an existing file runs a
# fresh Release publish (ReadyToRun, as `dotnet publish` now is: several minutes on a loaded machine),
# or APP_DIR if set (e.g. a copy of main's build, or a `-p:PublishReadyToRun=false` publish, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-3}
existing=""
floor=""
if [[ ${2:-} == --floor ]]; then
  floor=1
  if [[ -z ${APP_DIR:-} ]]; then APP_DIR=$(mktemp -d)/app; dotnet publish bench/EmptyApp -c Release -o "$APP_DIR" -nologo -v quiet; fi
fi
if [[ ${2:-} == --existing ]]; then existing=$(realpath "$3"); fi
if [[ ${2:-} == --articles ]]; then
  existing=${BENCH_DB_DIR:-/tmp/broadsheet-bench}/articles-$3.db
  if [[ ! -f $existing ]]; then
    mkdir -p "$(dirname "$existing")"
    echo "seeding $3 articles into $existing (once)"
    (cd src/Broadsheet/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1 \
      "ConnectionStrings__Broadsheet=Data Source=$existing.partial" Logging__LogLevel__Default=Warning \
      dotnet Broadsheet.dll seed --articles "$3")
    mv "$existing.partial" "$existing"
  fi
fi
if [[ -n $existing && -z ${APP_DIR:-} ]]; then
  APP_DIR=$(mktemp -d)/app
  echo "publishing to $APP_DIR"
  publish_app "$APP_DIR"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
tick=$(getconf CLK_TCK)
cpu() { # seconds of CPU used by a process and its live children
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    [[ -r /proc/$p/stat ]] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "scale=2; $total / $tick" | bc
}
now() { date +%s.%N; }
for run in $(seq "$runs"); do
  data=$(mktemp -d)
  if [[ -n $floor ]]; then
    start=$(now)
    (cd "$APP_DIR" && exec dotnet EmptyApp.dll --urls "http://127.0.0.1:$port") >"$data/log" 2>&1 &
  elif [[ -n $existing ]]; then
    slug=$(python3 -c "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True); print(c.execute(\"select Slug from Articles where Status='Published' and PublishedAt <= strftime('%Y-%m-%d %H:%M:%f','now') order by PublishedAt desc limit 1\").fetchone()[0])" "$existing")
    start=$(now)
    (cd "${APP_DIR:-src/Broadsheet/bin/Release/net10.0}" && exec env ASPNETCORE_ENVIRONMENT=Production "Site__BaseUrl=http://127.0.0.1:$port" \
      "ConnectionStrings__Broadsheet=Data Source=$existing" Media__Directory="$data/media" Accounts__AnnounceSetup=false \
      Logging__LogLevel__Default=Information Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
      ${EXTRA_ENV:-} dotnet Broadsheet.dll --urls "http://127.0.0.1:$port") >"$data/log" 2>&1 &
    second="/articles/$slug"; what="first article"
  else
    start=$(now)
    ConnectionStrings__Broadsheet="Data Source=$data/broadsheet.db" Media__Directory="$data/media" \
      Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
      dotnet run --project src/Broadsheet -c Release --no-build -- --urls "http://127.0.0.1:$port" >"$data/log" 2>&1 &
    second="/"; what="home page 200 (demo written)"
  fi
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.02
  done
  health=$(now); health_cpu=$(cpu "$pid")
  if [[ -n $floor ]]; then
    printf 'run %s: /health 200 after %.2f s (%s s CPU)\n' "$run" "$(echo "$health - $start" | bc)" "$health_cpu"
    kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$data"; continue
  fi
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$second") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.05
  done
  page=$(now); page_cpu=$(cpu "$pid")
  printf 'run %s: /health 200 after %.2f s (%s s CPU); %s after %.2f s (%s s CPU)\n' "$run" \
    "$(echo "$health - $start" | bc)" "$health_cpu" "$what" "$(echo "$page - $start" | bc)" "$page_cpu"
  grep -oE '(Database ready in [0-9]+ ms \([0-9]+ migrations applied\))|(Demo (newsroom written|pictures drawn and encoded|pictures stored and given to stories) in [0-9]+ ms)' "$data/log" || true
  [[ -z $existing ]] && printf '  %s picture files\n' "$(find "$data/media" -type f 2>/dev/null | wc -l)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${KEEP_MEDIA:-}" ] && [[ -z $existing ]]; then rm -rf "$KEEP_MEDIA"; cp -r "$data/media" "$KEEP_MEDIA"; fi
  if [ -n "${KEEP_LOG:-}" ]; then cp "$data/log" "$KEEP_LOG.$run"; fi
  rm -rf "$data"
done
