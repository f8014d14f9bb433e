#!/usr/bin/env bash
# The breaking-news spike: all traffic on one article, 256 connections for 30 s, every request a
# new reader, view counting on. Reports, within one run, req/s as a fraction of the same bytes
# served as a static file, p99, and counted views against the readers wrk sent (exact after the
# drain; bench/spike.lua says how). First on one box (Kestrel, SQLite), then through nginx to two instances on PostgreSQL
# with Redis, against nginx serving the same bytes as a static file.
# mixed: the one box only, half the requests carrying the cookies of 1,000 distinct signed-in
# readers (signed in by sign-in link, as bench/votes.sh does), half new anonymous readers.
# Usage: bench/spike.sh [seconds=30] [connections=256] [all|one-box|mixed]   (APP_DIR=published app to reuse)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-256}
scope=${3:-all}
articles=10000
work=$(mktemp -d /tmp/broadsheet-spike.XXXXXX)
chmod 755 "$work"
pids=()
source bench/lib.sh
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  stop_postgres; [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
need_wrk; need_servers
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

echo "==> Publishing Release builds"
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; rm -rf "$work/app/data"; else publish_app "$work/app"; fi # APP_DIR: a published app to reuse
dotnet publish bench/StaticServer -c Release -o "$work/static-server" -nologo -v quiet
[[ $scope == mixed ]] && dotnet publish bench/VoteStorm -c Release -o "$work/storm" -nologo -v quiet

start_app() { # port log [env...]: the app from its publish folder, settings as shipped
  local port=$1 log=$2; shift 2
  # exec: $! is then the app itself, so SIGTERM reaches it (and its shutdown flush is measured).
    # The flusher's Debug line (one a second) is how the run reports what counting costs.
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false Logging__LogLevel__Default=Warning \
    Logging__LogLevel__Broadsheet.Views.ViewFlusher=Debug \
    Accounts__AnnounceSetup=false "Site__BaseUrl=http://127.0.0.1:$port" "$@" dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" >>"$log" 2>&1) &
  app_pid=$!; pids+=("$app_pid")
  wait_for "http://127.0.0.1:$port/health"; wait_for "http://127.0.0.1:$port/"
}
stop_gracefully() { # pid...: SIGTERM drains requests and flushes the view buffer
  for p in "$@"; do kill -TERM "$p"; done
  for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
}
spike() { # url label -> "req/s p99 completed sent"
  SPIKE_SECONDS=$seconds SPIKE_RUN="$2-$(date +%s%N)" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/spike.lua "$1" > "$work/wrk-$2.out"
  grep -E 'Non-2xx|Socket errors' "$work/wrk-$2.out" >&2 || true
  echo "$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$2.out") $(awk '$1=="99%" {print $2}' "$work/wrk-$2.out")" \
       "$(awk '/requests in/ {print $1}' "$work/wrk-$2.out") $(awk '/^readers sent:/ {print $3}' "$work/wrk-$2.out")"
}
warm() { wrk -t2 -c"$connections" -d3s "$1" >/dev/null; } # no User-Agent: not counted as a reader
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
first_slug() { curl -fsS "$1/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||'; }
row() { printf '| %s | %.0f | %s |\n' "$1" "$2" "$3"; }

# --- One box: Kestrel on SQLite --------------------------------------------------------------
echo "==> One box: seeding $articles articles (SQLite)"
(cd "$work/app" && Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)
port=$(free_port); static_port=$(free_port)
mixed_settings=()
# The mixed spike signs its readers in by sign-in link (mail to a folder, no rate limit on it). A
# browser keeps the cookie the app re-issues after its stamp check (Accounts:StampCheckSeconds);
# wrk cannot, so the check's interval is made longer than the run, as a browser would see it.
[[ $scope == mixed ]] && mixed_settings=(Email__Directory="$work/mail" Email__Outbox__PollSeconds=0.2 \
  RateLimits__sign-in-link__Permits=1000000 Accounts__StampCheckSeconds=3600)
start_app "$port" "$work/app.log" "${mixed_settings[@]}"; one=$app_pid
slug=$(first_slug "http://127.0.0.1:$port"); path="/articles/$slug"
mkdir -p "$work/www"; curl -fsS "http://127.0.0.1:$port$path" -o "$work/www/article.html"
bytes=$(stat -c %s "$work/www/article.html")
dotnet "$work/static-server/StaticServer.dll" --root "$work/www" --urls "http://127.0.0.1:$static_port" >"$work/static.log" 2>&1 &
pids+=($!); wait_for "http://127.0.0.1:$static_port/article.html"
db="$work/app/data/broadsheet.db"
views() { sqlite3 "$db" "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Slug\" = '$slug'"; }

warm "http://127.0.0.1:$port$path"; warm "http://127.0.0.1:$static_port/article.html"
if [[ $scope == mixed ]]; then
  readers=1000
  echo "==> Mixed: $readers reader accounts (SQL), signed in by sign-in link"
  { echo "BEGIN;"
    echo "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $readers)"
    echo "INSERT INTO \"Users\" (\"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", \"PasswordHash\","
    echo "  \"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\","
    echo "  \"DisplayName\", \"JoinedAt\", \"EmailOnReply\")"
    echo "SELECT printf('reader-%04d', i), printf('READER-%04d', i), printf('reader%04d@bench.test', i), printf('READER%04d@BENCH.TEST', i), 1, NULL,"
    echo "  upper(hex(randomblob(16))), lower(hex(randomblob(16))), 0, 0, 1, 0, printf('Reader %d', i), strftime('%Y-%m-%d %H:%M:%S', 'now', '-30 days'), 0 FROM n;"
    echo "INSERT INTO \"UserRoles\" (\"UserId\", \"RoleId\") SELECT u.\"Id\", r.\"Id\" FROM \"Users\" u, \"Roles\" r WHERE u.\"Email\" LIKE 'reader%@bench.test' AND r.\"Name\" = 'reader';"
    echo "COMMIT;"; } | sqlite3 "$db"
  dotnet "$work/storm/VoteStorm.dll" --base "http://127.0.0.1:$port" --slug "$slug" --mail "$work/mail" --readers "$readers" \
    --cookies-out "$work/cookies.txt" | grep -E '^(RESULT|    all)'
  page=$(curl -fsS -H "Cookie: $(sed -n 7p "$work/cookies.txt")" "http://127.0.0.1:$port$path") # whole, then grep: see signedin-cpu.sh
  grep -q 'class="account-name">Reader 7<' <<<"$page" \
    || { echo "a signed-in reader's page does not name them" >&2; exit 1; }
  sleep 2; before=$(views)
  echo "==> Mixed: wrk -t2 -c$connections -d${seconds}s, half signed-in readers ($readers), half new anonymous readers"
  read -r m_rps m_p99 m_done m_sent < <(SPIKE_COOKIES="$work/cookies.txt" SPIKE_THREADS=2 spike "http://127.0.0.1:$port$path" mixed)
  grep '^signed-in requests' "$work/wrk-mixed.out"
  read -r s_rps s_p99 _ _ < <(spike "http://127.0.0.1:$static_port/article.html" one-static)
  stop_gracefully "$one"
  m_counted=$(( $(views) - before ))
  m_verdict=$([[ $m_counted == "$m_sent" ]] && echo exact || echo "NOT exact")
  printf '\n| %s | req/s | p99 |\n| --- | ---: | ---: |\n' "wrk -t2 -c$connections -d${seconds}s, mixed spike"
  row "article, half signed-in (1,000 readers), half new anonymous" "$m_rps" "$m_p99"
  row "same bytes as a static file (Kestrel)" "$s_rps" "$s_p99"
  printf 'RESULT mixed_rps=%.0f static_rps=%.0f ratio=%s p99=%s responses=%s readers_sent=%s views_counted=%s counts=%s\n' \
    "$m_rps" "$s_rps" "$(ratio "$m_rps" "$s_rps")" "$m_p99" "$m_done" "$m_sent" "$m_counted" "${m_verdict// /_}"
  grep -ih "warn\|fail\|error" "$work"/app.log | head -5 || true
  [[ $m_verdict == exact ]]; exit
fi
sleep 2; before=$(views)
echo "==> One box: wrk -t2 -c$connections -d${seconds}s, every request a new reader, page of $bytes bytes"
read -r a_rps a_p99 a_done a_sent < <(spike "http://127.0.0.1:$port$path" one-box)
read -r s_rps s_p99 _ _ < <(spike "http://127.0.0.1:$static_port/article.html" one-static)
# What counting costs: the same requests, built the same way, but named as a load generator,
# which the app never counts (bench/spike.lua).
read -r u_rps u_p99 _ _ < <(SPIKE_UNCOUNTED=1 spike "http://127.0.0.1:$port$path" one-uncounted)
stop_gracefully "$one"
a_counted=$(( $(views) - before ))
a_verdict=$([[ $a_counted == "$a_sent" ]] && echo exact || echo "NOT exact")
flush_cost() { # log -> "views ms µs-a-view", summed over the flusher's lines
  grep -ho 'Flushed [0-9]* views ([0-9]* new) in [0-9]* ms' "$1" |
    awk '{v += $2; ms += $7} END {printf "%d %d %.1f\n", v, ms, v ? ms * 1000 / v : 0}'
}
read -r f_views f_ms f_us < <(flush_cost "$work/app.log")
printf '\none box: ratio %s of static (p99 %s against %s); %s readers sent, %s views counted: %s; flushing took %s ms for %s views (%s µs a view)\n' \
  "$(ratio "$a_rps" "$s_rps")" "$a_p99" "$s_p99" "$a_sent" "$a_counted" "$a_verdict" "$f_ms" "$f_views" "$f_us"
if [[ $scope == one-box ]]; then [[ $a_verdict == exact ]]; exit; fi

# --- Scale-out: nginx, two instances, PostgreSQL, Redis ----------------------------------------
echo "==> Scale-out: PostgreSQL, Redis, two instances, nginx"
start_postgres "$work/pg"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
pg="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet;Maximum Pool Size=100"
scale=(Database__Provider=Postgres "ConnectionStrings__Broadsheet=$pg" "Redis__Configuration=127.0.0.1:$redis_port")
(cd "$work/app" && env "${scale[@]}" Demo__Seed=false dotnet Broadsheet.dll migrate | tail -n 1)
(cd "$work/app" && env "${scale[@]}" Demo__Seed=false dotnet Broadsheet.dll seed --articles "$articles" | tail -n 1)
p1=$(free_port); p2=$(free_port); np=$(free_port)
start_app "$p1" "$work/app1.log" "${scale[@]}" Database__MigrateOnStart=false; i1=$app_pid
start_app "$p2" "$work/app2.log" "${scale[@]}" Database__MigrateOnStart=false; i2=$app_pid
nslug=$(first_slug "http://127.0.0.1:$p1"); npath="/articles/$nslug"
mkdir -p "$work/nwww"; curl -fsS "http://127.0.0.1:$p1$npath" -o "$work/nwww/article.html"
sp=$(free_port)
write_nginx_conf "$work/nginx" "$np" "$p1" "$p2" "server { listen 127.0.0.1:$sp; root $work/nwww; }"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!); wait_for "http://127.0.0.1:$np/health"; wait_for "http://127.0.0.1:$np/"; wait_for "http://127.0.0.1:$sp/article.html"
pviews() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d broadsheet -tAc "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Slug\" = '$nslug'"; }

warm "http://127.0.0.1:$np$npath"; warm "http://127.0.0.1:$sp/article.html"
sleep 2; nbefore=$(pviews)
echo "==> Scale-out: wrk -t2 -c$connections -d${seconds}s through nginx"
read -r n_rps n_p99 n_done n_sent < <(spike "http://127.0.0.1:$np$npath" nginx-two)
read -r ns_rps ns_p99 _ _ < <(spike "http://127.0.0.1:$sp/article.html" nginx-static)
stop_gracefully "$i1" "$i2"
n_counted=$(( $(pviews) - nbefore ))
n_verdict=$([[ $n_counted == "$n_sent" ]] && echo exact || echo "NOT exact")

printf '\n| %s | req/s | p99 |\n| --- | ---: | ---: |\n' "wrk -t2 -c$connections -d${seconds}s, every request a new reader"
row "article, one box (Kestrel, SQLite, view counting on)" "$a_rps" "$a_p99"
row "the same requests, not counted (named as a load generator)" "$u_rps" "$u_p99"
row "same bytes as a static file (Kestrel)" "$s_rps" "$s_p99"
row "article through nginx, two instances on PostgreSQL + Redis" "$n_rps" "$n_p99"
row "same bytes as a static file (nginx)" "$ns_rps" "$ns_p99"
printf '\none box: ratio %s of static; %s responses, %s readers sent, %s views counted: %s; flushing %s µs a view\n' \
  "$(ratio "$a_rps" "$s_rps")" "$a_done" "$a_sent" "$a_counted" "$a_verdict" "$f_us"
printf 'scale-out: ratio %s of nginx static (%s of Kestrel static); %s responses, %s readers sent, %s views counted: %s\n' \
  "$(ratio "$n_rps" "$ns_rps")" "$(ratio "$n_rps" "$s_rps")" "$n_done" "$n_sent" "$n_counted" "$n_verdict"
printf '[%s, %s cores, .NET SDK %s, page of %s bytes]\n' "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$bytes"
grep -ih "warn\|fail\|error" "$work"/app*.log | head -5 || true
[[ $a_verdict == exact && $n_verdict == exact ]]
