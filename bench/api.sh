#!/usr/bin/env bash
# Content API vs. the same bytes as a static file, both on Kestrel, Release build, measured in one
# run with wrk on this machine: a keyed article list (?limit=15, the default page) and a single
# article, as shipped (answers kept in the page cache for Caching:PageSeconds) and with that cache
# off. Every request carries a key, so the key check and its rate-limit count run each time.
# Usage: bench/api.sh [articles=10000] [seconds=15]
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
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)

# A key as the newsroom page makes one: only its SHA-256 and its prefix are stored.
key="bs_benchkey_$(python3 -c 'import secrets,string; print("".join(secrets.choice(string.ascii_lowercase+string.digits) for _ in range(40)))')"
python3 - "$work/app/data/broadsheet.db" "$key" <<'PY'
import hashlib, sqlite3, sys
db, key = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.execute('INSERT INTO "ApiKeys" ("Name","Prefix","SecretHash","CreatedAt") VALUES (?,?,?,datetime(\'now\'))',
          ("bench", key[:11], hashlib.sha256(key.encode()).hexdigest()))
c.commit()
PY

start_app() { # port page-cache-seconds
  # The key's limit is raised so that wrk is never refused (a 429 is cheaper than an answer);
  # the limit is still counted on every request, as shipped.
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1:$1 Demo__Seed=false Logging__LogLevel__Default=Warning \
    Caching__PageSeconds=$2 RateLimits__api__Permits=100000000 \
    exec dotnet Broadsheet.dll --urls "http://127.0.0.1:$1" >>"$work/app.log" 2>&1) &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/health"; wait_for "http://127.0.0.1:$1/"
}
app_port=$(free_port); uncached_port=$(free_port); static_port=$(free_port)
start_app "$app_port" 1           # as shipped
start_app "$uncached_port" 0      # every request reads the database and serializes

auth="Authorization: Bearer $key"
list="/api/v1/articles?limit=15"
slug=$(curl -fsS -H "$auth" "http://127.0.0.1:$app_port/api/v1/articles?limit=1&fields=slug" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
single="/api/v1/articles/$slug"
curl -fsS -H "$auth" "http://127.0.0.1:$app_port$list" -o "$work/www/list.json"
bytes=$(stat -c %s "$work/www/list.json")

dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$static_port/list.json"

measure() { # url [header] -> "req/s p99"
  local header=()
  [[ -n ${2:-} ]] && header=(-H "$2")
  wrk -t2 -c"$connections" -d3s "${header[@]}" "$1" >/dev/null                  # warm-up: JIT, pools, caches
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "$1" > "$work/wrk.out"
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  grep -qE 'Non-2xx|Socket errors' "$work/wrk.out" && { echo "errors during $1:" >&2; cat "$work/wrk.out" >&2; }
  echo "$rps $p99"
}

echo "==> wrk -t2 -c$connections -d${seconds}s, list of $bytes bytes; uptime before: $(uptime)"
read -r list_rps list_p99 < <(measure "http://127.0.0.1:$app_port$list" "$auth")
read -r list_uncached_rps list_uncached_p99 < <(measure "http://127.0.0.1:$uncached_port$list" "$auth")
read -r single_rps single_p99 < <(measure "http://127.0.0.1:$app_port$single" "$auth")
read -r single_uncached_rps single_uncached_p99 < <(measure "http://127.0.0.1:$uncached_port$single" "$auth")
read -r static_rps static_p99 < <(measure "http://127.0.0.1:$static_port/list.json")
ratio() { python3 -c "print(f'{$1/$static_rps:.2f}')"; }

printf '\n| request | req/s | × static | p99 |\n| --- | ---: | ---: | ---: |\n'
printf '| keyed list %s (%s articles, SQLite), as shipped | %.0f | %s | %s |\n' "$list" "$articles" "$list_rps" "$(ratio "$list_rps")" "$list_p99"
printf '| the same list, page cache off | %.0f | %s | %s |\n' "$list_uncached_rps" "$(ratio "$list_uncached_rps")" "$list_uncached_p99"
printf '| keyed single article, as shipped | %.0f | %s | %s |\n' "$single_rps" "$(ratio "$single_rps")" "$single_p99"
printf '| the same article, page cache off | %.0f | %s | %s |\n' "$single_uncached_rps" "$(ratio "$single_uncached_rps")" "$single_uncached_p99"
printf '| the list'"'"'s %s bytes as a static file (Kestrel) | %.0f | 1.00 | %s |\n' "$bytes" "$static_rps" "$static_p99"
printf '\n[%s, %s cores, .NET SDK %s] uptime after: %s\n' "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$(uptime)"
