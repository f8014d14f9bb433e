#!/usr/bin/env bash
# How long a refusal takes, by kind: sign-in for an unknown address, a wrong password, an account
# paused by failed tries and one locked by an admin; forgot-password for a known and an unknown
# address; sign-up for a new and a registered address. An attacker who can tell these apart by
# time learns which addresses have accounts, so they should all cost the same (each pair alike).
# Each case is asked N times (default 200), the cases interleaved so that whatever else the
# machine does weighs on all of them alike; the figure is the median of curl's time_total. SQLite, Release build, one app process.
# Usage: bench/refusals.sh [requests-per-case=200]   (BENCH_PUBLISHED=dir: use that publish folder)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
n=${1:-200}
work=$(mktemp -d /tmp/broadsheet-refusals-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [[ -n ${BENCH_PUBLISHED:-} ]]; then cp -r "$BENCH_PUBLISHED" "$work/app" # a publish folder made earlier
else echo "==> Publishing a Release build" >&2; publish_app "$work/app"; fi
db="$work/bench.db"
port=$(free_port); base="http://127.0.0.1:$port"
# As env, not export: bash cannot export a name with a "-" (the rate-limit policies have one).
settings=("Site__BaseUrl=$base" ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false "ConnectionStrings__Broadsheet=Data Source=$db"
  Logging__LogLevel__Default=Warning "Email__Directory=$work/mail"
  RateLimits__sign-in__Permits=1000000 RateLimits__reset__Permits=1000000 RateLimits__sign-up__Permits=1000000
  Accounts__LockoutAttempts=1000000000) # the wrong-password case must stay a wrong password, not become a pause
password="a bench reader's password"
for who in wrong paused locked; do
  (cd "$work/app" && env "${settings[@]}" dotnet Broadsheet.dll users create --email "$who@bench.example" --password "$password" --role reader --name "Bench $who" >/dev/null)
done
# A pause as failed tries leave it (a day ahead), and an admin's lock as the newsroom writes it.
python3 - "$db" <<'PY'
import sqlite3, sys, datetime
db = sqlite3.connect(sys.argv[1])
ahead = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime('%Y-%m-%d %H:%M:%S+00:00')
db.execute('UPDATE "Users" SET "LockoutEnabled" = 1, "LockoutEnd" = ? WHERE "Email" = ?', (ahead, 'paused@bench.example'))
db.execute('UPDATE "Users" SET "LockoutEnabled" = 1, "LockoutEnd" = ? WHERE "Email" = ?', ('9999-12-31 23:59:59.9999999+00:00', 'locked@bench.example'))
db.commit()
PY

(cd "$work/app" && exec env "${settings[@]}" dotnet Broadsheet.dll --urls "$base" >"$work/app.log" 2>&1) &
pids+=($!)
wait_for "$base/health"; wait_for "$base/"

# One antiforgery cookie and token, reused for every POST (a token is valid for its cookie).
curl -fsS -D "$work/h" -o "$work/page.html" "$base/account/sign-in"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/page.html" | head -n1 | sed 's/.*value="//; s/"$//')
cookie=$(grep -i '^set-cookie: .AspNetCore.Antiforgery' "$work/h" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//' | tr -d '\r')

post() { # path field=value... -> "status seconds"
  local path=$1; shift
  local args=()
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" \
    --data-urlencode "__RequestVerificationToken=$token" "${args[@]}" "$base$path"
}
# name | path | email (password fields are added for sign-in)
cases=(
  "sign-in, unknown address|/account/sign-in|nobody-\$i@bench.example"
  "sign-in, wrong password|/account/sign-in|wrong@bench.example"
  "sign-in, paused (failed tries)|/account/sign-in|paused@bench.example"
  "sign-in, locked by an admin|/account/sign-in|locked@bench.example"
  "forgot password, known address|/account/forgot-password|wrong@bench.example"
  "forgot password, unknown address|/account/forgot-password|nobody-\$i@bench.example"
  "sign-up, new address|/account/sign-up|new-\$i@bench.example"
  "sign-up, registered address|/account/sign-up|wrong@bench.example"
)
one() { # case-index i
  IFS='|' read -r name path email <<<"${cases[$1]}"
  local i=$2; email=$(eval echo "$email")
  if [[ $path == /account/sign-in ]]; then post "$path" "Input.Email=$email" "Input.Password=not the password $i" "returnUrl=/"
  elif [[ $path == /account/sign-up ]]; then post "$path" "Input.Email=$email" "Input.DisplayName=Bench $i" "Input.Password=a new reader's password $i"
  else post "$path" "Input.Email=$email"; fi
}
echo "==> Warm-up" >&2
for i in $(seq 1 10); do for c in "${!cases[@]}"; do one "$c" "w$i" >/dev/null; done; done
echo "==> $n requests per case, interleaved" >&2
for i in $(seq 1 "$n"); do for c in "${!cases[@]}"; do echo "$c $(one "$c" "$i")"; done; done > "$work/times"

printf '| request | status | median | p10 | p90 |\n| --- | ---: | ---: | ---: | ---: |\n'
for c in "${!cases[@]}"; do
  IFS='|' read -r name _ _ <<<"${cases[$c]}"
  awk -v c="$c" '$1 == c { print $2, $3 * 1000 }' "$work/times" | sort -k2 -n | awk -v name="$name" '
    { status[$1]++; t[NR] = $2 }
    END {
      s = ""; for (k in status) s = s (s ? "," : "") k
      printf "| %s | %s | %.1f ms | %.1f ms | %.1f ms |\n", name, s, t[int((NR + 1) / 2)], t[int(NR * 0.1) + 1], t[int(NR * 0.9)]
    }'
done
