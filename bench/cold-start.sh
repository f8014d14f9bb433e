#!/usr/bin/env bash
# Cold start as a newcomer sees it: the README's run command on an empty SQLite database, timed
# from launch to the first 200 from /health (migrations, the demo newsroom and its pictures included).
# Build first (dotnet build -c Release); runs RUNS times (default 3), each on a fresh data folder.
# Usage: bench/cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for run in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s.%N)
  ConnectionStrings__Broadsheet="Data Source=$data/broadsheet.db" Media__Directory="$data/media" \
    dotnet run --project src/Broadsheet -c Release --no-build -- --urls "http://127.0.0.1:$port" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  pictures=$(find "$data/media" -type f 2>/dev/null | wc -l)
  printf 'run %s: first /health 200 after %.2f s (%s picture files)\n' "$run" "$(echo "$end - $start" | bc)" "$pictures"
  grep -oE 'Demo (newsroom written|pictures drawn and encoded|pictures stored and given to stories) in [0-9]+ ms' "$data/log" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${KEEP_MEDIA:-}" ]; then rm -rf "$KEEP_MEDIA"; cp -r "$data/media" "$KEEP_MEDIA"; fi
  rm -rf "$data"
done
