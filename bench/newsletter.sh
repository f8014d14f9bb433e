#!/usr/bin/env bash
# Newsletter send: one bulk mail (one body, N recipient rows: 100,000 by default) sent by the
# app's outbox through a local SMTP sink (bench/SmtpSink, the SmtpServer package answering 250).
# Reports mails/s, the app's CPU seconds and peak RSS (VmHWM) over the send, and the article
# page's req/s with wrk during the send (and before it, for comparison). Checks that every
# recipient got exactly one mail.
# The rows are written straight into the database in one statement (as MailOutbox.QueueBulkAsync
# writes them: Kind 'bulk', lane 1, a shared OutboxBodies row, per-reader links) while the app
# runs, so the send starts at a known moment.
# Also the SMTP sink's CPU (it shares the cores) and CPU ms per mail, the figure that survives a
# loaded machine; a RESULT line at the end. PROFILE=<file>.nettrace adds a CPU trace of the app.
# LIST_CONNECTIONS (default 2, the app's default) sets Email:Outbox:ListConnections: each connection
# waits for its last mail's mark, so the send scales with connections sharing the mark commits.
# Usage: bench/newsletter.sh [recipients=100000] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
recipients=100000
postgres=false
for arg in "$@"; do
  case $arg in
    --postgres) postgres=true ;;
    *[!0-9]* | "") echo "usage: bench/newsletter.sh [recipients=100000] [--postgres]" >&2; exit 2 ;;
    *) recipients=$arg ;;
  esac
done
wrk_seconds=${WRK_SECONDS:-10}
connections=${CONNECTIONS:-32}
list_connections=${LIST_CONNECTIONS:-2}
need_wrk
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

work=$(mktemp -d /tmp/broadsheet-newsletter.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  $postgres && stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Publishing Release builds"
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; else publish_app "$work/app"; fi  # APP_DIR: an existing build
if [[ -n ${SINK_DIR:-} ]]; then cp -r "$SINK_DIR" "$work/sink"; else dotnet publish bench/SmtpSink -c Release -o "$work/sink" -nologo -v quiet; fi  # SINK_DIR: an existing build

env_db=()
if $postgres; then
  start_postgres "$work/pg"
  pg_bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/psql' | tail -n1)")
  (cd / && "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE broadsheet")
  env_db=(Database__Provider=Postgres "ConnectionStrings__Broadsheet=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet")
  sql() { (cd / && "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d broadsheet -qtAX -c "$1"); }
  now_sql="now() - interval '1 minute'"
  series="generate_series(1, $recipients) AS n(i)"
  lpad="lpad(i::text, 6, '0')"
else
  sql() { sqlite3 -cmd ".timeout 30000" "$work/app/data/broadsheet.db" "$1"; }
  now_sql="strftime('%Y-%m-%d %H:%M:%S', 'now', '-1 minute')"
  series="(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $recipients) SELECT i FROM n) AS n"
  lpad="printf('%06d', i)"
fi

echo "==> Seeding 2,000 articles ($($postgres && echo PostgreSQL || echo SQLite))"
(cd "$work/app" && env "${env_db[@]}" Demo__Seed=false dotnet Broadsheet.dll seed --articles 2000 | tail -n 1)

sink_port=$(free_port); app_port=$(free_port)
dotnet "$work/sink/SmtpSink.dll" --port "$sink_port" > "$work/sink.log" 2>&1 &
sink_pid=$!
pids+=($sink_pid)
(cd "$work/app" && exec env "${env_db[@]}" ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1:$app_port Demo__Seed=false \
  Logging__LogLevel__Default=Warning Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$sink_port Email__Smtp__Security=None \
  Email__Outbox__ListConnections=$list_connections Email__From="Broadsheet <news@bench.test>" dotnet Broadsheet.dll --urls "http://127.0.0.1:$app_port" >>"$work/app.log" 2>&1) &
app_pid=$!
pids+=($app_pid)
wait_for "http://127.0.0.1:$app_port/health"; wait_for "http://127.0.0.1:$app_port/"
slug=$(curl -fsS "http://127.0.0.1:$app_port/latest?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
article="http://127.0.0.1:$app_port/articles/$slug"

wrk -t2 -c"$connections" -d3s "$article" >/dev/null   # warm-up
idle_rps=$(wrk -t2 -c"$connections" -d"${wrk_seconds}s" "$article" | awk '/^Requests\/sec/ {print $2}')

# A newsletter-sized body: about 9 KB of HTML and 3 KB of text, with the two placeholders.
para="The council voted on Tuesday to extend the night-bus trial by a year, after ridership rose by a third. "
text="Morning briefing\n\n$(printf "$para%.0s" $(seq 1 25))\nUnsubscribe: {{unsubscribe}}\nPreferences: {{preferences}}"
html="<div style=\"font-family:Georgia,serif;max-width:600px\"><h1>Morning briefing</h1>$(printf "<p style=\"margin:0 0 1em\">$para</p>%.0s" $(seq 1 60))<p><a href=\"{{unsubscribe}}\">Unsubscribe</a> · <a href=\"{{preferences}}\">Preferences</a></p></div>"
sql "INSERT INTO \"OutboxBodies\" (\"Batch\", \"Subject\", \"Text\", \"Html\", \"CreatedAt\") VALUES ('bench-issue:1', 'Morning briefing', '$text', '$html', $now_sql)"
body_id=$(sql "SELECT \"Id\" FROM \"OutboxBodies\" WHERE \"Batch\" = 'bench-issue:1'")

cpu_ticks() { awk '{print $14 + $15}' "/proc/${1:-$app_pid}/stat"; }
hz=$(getconf CLK_TCK)
echo "==> Queuing $recipients recipients and sending (load before: $(uptime | sed 's/.*load average: //'))"
sql "INSERT INTO \"OutboxMails\" (\"Kind\", \"Lane\", \"Batch\", \"BodyId\", \"To\", \"Unsubscribe\", \"Preferences\", \"Subject\", \"Text\", \"Html\", \"CreatedAt\", \"DueAt\", \"Attempts\")
  SELECT 'bulk', 1, 'bench-issue:1', $body_id, 'reader' || $lpad || '@bench.test',
    'https://news.example/email/unsubscribe?token=u' || $lpad, 'https://news.example/email/preferences?token=p' || $lpad, '', '', '', $now_sql, $now_sql, 0
  FROM $series"
start=$(date +%s.%N); cpu0=$(cpu_ticks); sink0=$(cpu_ticks "$sink_pid")
if [[ -n ${PROFILE:-} ]]; then  # PROFILE=<file>.nettrace: a sampled CPU trace of the app over the first 15 s of the send
  /root/.dotnet/tools/dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:15 -o "$PROFILE" >/dev/null 2>&1 &
fi

sleep 2   # let the send get going before measuring the page under it
sent_count() { sql "SELECT count(*) FROM \"OutboxMails\" WHERE \"Batch\" = 'bench-issue:1' AND \"SentAt\" IS NOT NULL"; }
# The app's CPU and the mails sent during wrk are set apart, so the CPU per mail leaves the page serving out.
wrk_sent0=$(sent_count); wrk_cpu0=$(cpu_ticks)
during_rps=$(wrk -t2 -c"$connections" -d"${wrk_seconds}s" "$article" | awk '/^Requests\/sec/ {print $2}')
wrk_sent1=$(sent_count); wrk_cpu1=$(cpu_ticks)
pending() { sql "SELECT count(*) FROM \"OutboxMails\" WHERE \"Batch\" = 'bench-issue:1' AND \"SentAt\" IS NULL AND \"FailedAt\" IS NULL"; }
while (( $(pending) > 0 )); do
  sleep 0.5
  kill -0 "$app_pid" 2>/dev/null || { echo "the app died:"; tail -n 30 "$work/app.log"; exit 1; }
done
end=$(date +%s.%N); cpu1=$(cpu_ticks); sink1=$(cpu_ticks "$sink_pid")
load_after=$(uptime | sed 's/.*load average: //')
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
sleep 1.5   # the sink prints its count every second
read -r received duplicates < <(tail -n 1 "$work/sink.log" | awk '{print $2, $4}')
sent=$(sql "SELECT count(*) FROM \"OutboxMails\" WHERE \"Batch\" = 'bench-issue:1' AND \"SentAt\" IS NOT NULL")

python3 - "$recipients" "$start" "$end" "$cpu0" "$cpu1" "$hz" "$hwm" "$idle_rps" "$during_rps" "$received" "$duplicates" "$sent" "$sink0" "$sink1" "$wrk_sent0" "$wrk_sent1" "$wrk_cpu0" "$wrk_cpu1" "$list_connections" <<'PY'
import sys
n, t0, t1, c0, c1, hz, hwm, idle, during, received, dup, sent, s0, s1, ws0, ws1, wc0, wc1, lc = sys.argv[1:]
quiet_mails = n_ = int(n) - (int(ws1) - int(ws0)); quiet_cpu = ((int(c1) - int(c0)) - (int(wc1) - int(wc0))) / int(hz)
n = int(n); secs = float(t1) - float(t0); cpu = (int(c1) - int(c0)) / int(hz); sink = (int(s1) - int(s0)) / int(hz)
print(f"\n| newsletter to {n:,}, {lc} list connections | figure |\n| --- | ---: |")
print(f"| send time (queued to last row marked sent) | {secs:.1f} s |")
print(f"| mails/s | {n / secs:.0f} |")
print(f"| app CPU over the send | {cpu:.1f} s ({cpu / secs * 100:.0f}% of one core) |")
print(f"| app CPU per mail (over the whole send, page serving included) | {cpu / n * 1000:.2f} ms |")
print(f"| app CPU per mail outside the wrk window ({quiet_mails:,} mails) | {quiet_cpu / max(1, quiet_mails) * 1000:.2f} ms |")
print(f"| SMTP sink CPU over the send | {sink:.1f} s ({sink / n * 1000:.2f} ms per mail) |")
print(f"| app peak RSS (VmHWM) | {int(hwm) / 1024:.0f} MB |")
print(f"| article req/s before the send | {float(idle):.0f} |")
print(f"| article req/s during the send | {float(during):.0f} |")
print(f"| sink received / duplicates / rows sent | {received} / {dup} / {sent} |")
print(f"\nRESULT recipients={n} list_connections={lc} mails_per_s={n / secs:.0f} app_cpu_ms_per_mail={quiet_cpu / max(1, quiet_mails) * 1000:.2f} sink_cpu_ms_per_mail={sink / n * 1000:.2f} "
      f"peak_rss_mb={int(hwm) / 1024:.0f} article_rps_before={float(idle):.0f} article_rps_during={float(during):.0f} duplicates={dup}")
PY
printf '\nload after: %s  [%s, %s cores, .NET SDK %s]\n' "$load_after" "$(date -u +%F' '%H:%M)" "$(nproc)" "$(dotnet --version)"
[[ $received == "$recipients" && $duplicates == 0 && $sent == "$recipients" ]] || { echo "MISMATCH: not exactly one mail per recipient" >&2; exit 1; }
