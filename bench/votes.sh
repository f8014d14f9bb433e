#!/usr/bin/env bash
# Vote storm: N readers (1,000 by default) vote on one article at once, with double clicks,
# switches and retries; reports votes/s and latency, then checks that the final counts are
# exact against the vote rows and against what each reader last asked for.
# SQLite always; PostgreSQL too with --postgres (a throwaway cluster on loopback).
# Usage: bench/votes.sh [readers=1000] [--postgres] [--prefill N]
# --prefill N first gives the article N vote rows (from N other accounts, in SQL), to show that a
# vote's cost does not grow with the votes an article already has.
# VOTE_PERMITS / VOTE_WINDOW (default 1000000 per 60 s) set the per-IP vote limit, e.g.
# VOTE_PERMITS=500 VOTE_WINDOW=1 to have the storm meet 429s and retry through them.
# VOTE_ROUNDS=N has each reader vote N times over (3 x readers x N votes for one sign-in each).
# VOTE_MINT_LINKS=0 has readers ask for their sign-in link and read it from the mail, as before;
# by default the links are minted in SQL (links_sql) and readers only open them.
# VOTE_SIGNIN_PARALLEL (32) readers sign in at a time; the app checks security stamps every
# VOTE_STAMP_SECONDS (10), and the storm starts that long after the last sign-in, so every reader's
# first vote pays the stamp check, as in a real storm of readers who signed in long before.
# APP_DIR runs an existing build (e.g. src/Broadsheet/bin/Release/net10.0) instead of publishing one.
# VOTE_MAX_CONNECTIONS=N caps the client's connections to the app (unlimited by default; each
# reader's double click otherwise opens two at once, so 10,000 readers need 20,000 sockets a side).
# VOTE_RATES=R1,R2,... runs open-loop phases instead of the one-instant storm: votes arrive at R a
# second (each reader's double click at its due time, the third vote VOTE_THINK_MS, 500, later),
# latency counted from each vote's due time (wrk2-style, no coordinated omission); every reader once
# per phase (VOTE_ROUNDS times), VOTE_STAMP_SECONDS apart so each phase starts with every stamp check due.
# VOTE_WARMUP=N (0 by default) signs in N more readers, who vote (up twice, then clear) before the
# settle wait: the storm then meets a process that has compiled its vote path (tier-up JIT), as a site
# that has been taking votes would, instead of a fresh one. The storm's readers and counts are the same.
# VOTE_TRACE=FILE records a dotnet-trace CPU sample profile of the app from the release of the storm
# (VOTE_TRACE_SECONDS long, 10 by default) and converts it to FILE.speedscope.json. VOTE_TRACE_PROFILE=P
# records dotnet-trace's profile P instead (e.g. gc-verbose: allocation samples with stacks), not converted.
# VOTE_COUNTERS=FILE records the app's runtime counters (dotnet-counters, CSV) from the release of the
# storm (VOTE_COUNTERS_SECONDS long, 15 by default) and prints the bytes the app allocated in that
# window per vote sent: what the request path and the writer allocate (issue 16, step 1).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
readers=1000
warmup=${VOTE_WARMUP:-0}
postgres=false
prefill=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  arg=${args[i]}
  case $arg in
    --postgres) postgres=true ;;
    --prefill) i=$((i + 1)); prefill=${args[i]:-0} ;;
    *[!0-9]* | "") echo "usage: bench/votes.sh [readers=1000] [--postgres] [--prefill N]" >&2; exit 2 ;;
    *) readers=$arg ;;
  esac
done
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

work=$(mktemp -d /tmp/broadsheet-votes.XXXXXX)
chmod 755 "$work"   # the postgres user must be able to enter it
pids=()
pg_data=""
pg_bin=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  [[ -n $pg_data ]] && (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1) || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Publishing Release builds"
if [[ -n ${APP_DIR:-} ]]; then cp -r "$APP_DIR" "$work/app"; else publish_app "$work/app"; fi
dotnet publish bench/VoteStorm -c Release -o "$work/storm" -nologo -v quiet

# The readers go straight into the database: password hashing would cost far more than the
# storm, and the sign-in link needs no password. Reader role as sign-up gives it.
users_sql() { # provider
  if [[ $1 == Sqlite ]]; then
    cat <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $((readers + warmup)))
INSERT INTO "Users" ("UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
  "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
  "DisplayName", "JoinedAt", "EmailOnReply")
SELECT printf('reader-%04d', i), printf('READER-%04d', i), printf('reader%04d@bench.test', i), printf('READER%04d@BENCH.TEST', i), 1, NULL,
  upper(hex(randomblob(16))), lower(hex(randomblob(16))), 0, 0, 1, 0,
  printf('Reader %d', i), strftime('%Y-%m-%d %H:%M:%S', 'now', '-30 days'), 0
FROM n;
INSERT INTO "UserRoles" ("UserId", "RoleId")
SELECT u."Id", r."Id" FROM "Users" u, "Roles" r WHERE u."Email" LIKE 'reader%@bench.test' AND r."Name" = 'reader';
COMMIT;
SQL
  else
    cat <<SQL
BEGIN;
INSERT INTO "Users" ("UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
  "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
  "DisplayName", "JoinedAt", "EmailOnReply")
SELECT format('reader-%s', lpad(i::text, greatest(4, length(i::text)), '0')), format('READER-%s', lpad(i::text, greatest(4, length(i::text)), '0')),
  format('reader%s@bench.test', lpad(i::text, greatest(4, length(i::text)), '0')), format('READER%s@BENCH.TEST', lpad(i::text, greatest(4, length(i::text)), '0')), true, NULL,
  upper(md5(random()::text)), md5(random()::text), false, false, true, 0,
  format('Reader %s', i), now() - interval '30 days', false
FROM generate_series(1, $((readers + warmup))) AS i;
INSERT INTO "UserRoles" ("UserId", "RoleId")
SELECT u."Id", r."Id" FROM "Users" u, "Roles" r WHERE u."Email" LIKE 'reader%@bench.test' AND r."Name" = 'reader';
COMMIT;
SQL
  fi
}

# One unused sign-in link per reader, as the app issues them (only the SHA-256 of the token is
# stored); VoteStorm derives the same tokens (Reader.MintedToken) and opens the links. Skips asking
# for a link and reading the mail (most of a sign-in's cost and wait), not the sign-in itself.
links_sql() { # provider
  local expires="strftime('%Y-%m-%d %H:%M:%S', 'now', '+1 day')"
  [[ $1 == Sqlite ]] || expires="now() + interval '1 day'"
  python3 - "$((readers + warmup))" "$expires" <<'PY'
import base64, hashlib, sys
n, expires = int(sys.argv[1]), sys.argv[2]
print("BEGIN;")
for start in range(1, n + 1, 1000):
    rows = []
    for i in range(start, min(n, start + 999) + 1):
        raw = base64.urlsafe_b64encode(hashlib.sha256(f"votes-bench-{i}".encode()).digest()).decode().rstrip("=")
        rows.append(f"('{hashlib.sha256(raw.encode()).hexdigest()}', 'READER{i:04d}@BENCH.TEST')")
    print(f"WITH l(h, e) AS (VALUES {', '.join(rows)})")
    print('INSERT INTO "OneTimeTokens" ("Hash", "Purpose", "UserId", "ExpiresAt")')
    print(f"SELECT l.h, 'sign-in', u.\"Id\", {expires} FROM l JOIN \"Users\" u ON u.\"NormalizedEmail\" = l.e;")
print("COMMIT;")
PY
}

# N filler accounts and one vote row each on the article (two up for every one down), and the
# article's counts to match, as if N readers had voted before the storm.
prefill_sql() { # provider slug
  if [[ $1 == Sqlite ]]; then
    cat <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $prefill)
INSERT INTO "Users" ("UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
  "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "JoinedAt", "EmailOnReply")
SELECT printf('filler-%06d', i), printf('FILLER-%06d', i), printf('filler%06d@bench.test', i), printf('FILLER%06d@BENCH.TEST', i), 1,
  lower(hex(randomblob(8))), lower(hex(randomblob(8))), 0, 0, 1, 0, printf('Filler %d', i), strftime('%Y-%m-%d %H:%M:%S', 'now', '-30 days'), 0 FROM n;
INSERT INTO "ArticleVotes" ("ArticleId", "UserId", "Value", "CreatedAt", "UpdatedAt")
SELECT a."Id", u."Id", CASE WHEN u."Id" % 3 = 0 THEN -1 ELSE 1 END, strftime('%Y-%m-%d %H:%M:%S', 'now'), strftime('%Y-%m-%d %H:%M:%S', 'now')
FROM "Articles" a, "Users" u WHERE a."Slug" = '$2' AND u."Email" LIKE 'filler%@bench.test';
COMMIT;
SQL
  else
    cat <<SQL
BEGIN;
INSERT INTO "Users" ("UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
  "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "JoinedAt", "EmailOnReply")
SELECT format('filler-%s', lpad(i::text, 6, '0')), format('FILLER-%s', lpad(i::text, 6, '0')), format('filler%s@bench.test', lpad(i::text, 6, '0')),
  format('FILLER%s@BENCH.TEST', lpad(i::text, 6, '0')), true, md5(random()::text), md5(random()::text), false, false, true, 0,
  format('Filler %s', i), now() - interval '30 days', false FROM generate_series(1, $prefill) AS i;
INSERT INTO "ArticleVotes" ("ArticleId", "UserId", "Value", "CreatedAt", "UpdatedAt")
SELECT a."Id", u."Id", CASE WHEN u."Id" % 3 = 0 THEN -1 ELSE 1 END, now(), now()
FROM "Articles" a, "Users" u WHERE a."Slug" = '$2' AND u."Email" LIKE 'filler%@bench.test';
COMMIT;
SQL
  fi
  cat <<SQL
UPDATE "Articles" SET
  "Upvotes" = (SELECT count(*) FROM "ArticleVotes" v WHERE v."ArticleId" = "Articles"."Id" AND v."Value" = 1),
  "Downvotes" = (SELECT count(*) FROM "ArticleVotes" v WHERE v."ArticleId" = "Articles"."Id" AND v."Value" = -1)
WHERE "Slug" = '$2';
SQL
}

# One query, the same on both: the article's stored counts, the vote rows, and how many
# readers hold exactly one row with the value they last asked for.
check_sql() { # slug
  cat <<SQL
SELECT a."Upvotes", a."Downvotes",
  (SELECT count(*) FROM "ArticleVotes" v WHERE v."ArticleId" = a."Id" AND v."Value" = 1),
  (SELECT count(*) FROM "ArticleVotes" v WHERE v."ArticleId" = a."Id" AND v."Value" = -1),
  (SELECT count(*) FROM expected e JOIN "Users" u ON u."NormalizedEmail" = upper(e.email)
    WHERE (SELECT count(*) FROM "ArticleVotes" v WHERE v."ArticleId" = a."Id" AND v."UserId" = u."Id") = 1
      AND (SELECT v."Value" FROM "ArticleVotes" v WHERE v."ArticleId" = a."Id" AND v."UserId" = u."Id") = e.value),
  (SELECT count(*) FROM expected)
FROM "Articles" a WHERE a."Slug" = '$1';
SQL
}

printf '| database | votes | accepted | storm | votes/s | p50 | p95 | p99 | max | retried (429 / 5xx / timeouts) | exact |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n' > "$work/table.md"
status=0

storm() { # name, then app settings as --Key value pairs
  local name=$1; shift
  local port; port=$(free_port)
  local log="$work/$name.app.log" out="$work/$name.storm.out" mail="$work/$name-mail"
  echo "==> $name: starting the app with the demo newsroom"
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=http://127.0.0.1:$port exec dotnet Broadsheet.dll --urls "http://127.0.0.1:$port" \
    --Demo:Seed true --Accounts:AnnounceSetup false --Email:Directory "$mail" --Email:Outbox:PollSeconds 0.2 --Votes:DownvoteMinAccountAgeHours 0 \
    --Accounts:StampCheckSeconds "${VOTE_STAMP_SECONDS:-10}" \
    --Logging:LogLevel:Default Warning --Logging:Console:FormatterName simple \
    --RateLimits:vote:Permits "${VOTE_PERMITS:-1000000}" --RateLimits:vote:WindowSeconds "${VOTE_WINDOW:-60}" \
    --RateLimits:vote-user:Permits 1000000 \
    --RateLimits:sign-in:Permits 1000000 --RateLimits:sign-in-link:Permits 1000000 "$@" >"$log" 2>&1) &
  local app=$!
  pids+=("$app")
  wait_for "http://127.0.0.1:$port/health"; wait_for "http://127.0.0.1:$port/"
  # The subshell execs dotnet, so $! is the app; should a shell stay in between, take its child.
  local child; child=$(pgrep -P "$app" -x dotnet | head -n 1 || true)
  [[ -n $child ]] && { pids+=("$child"); app=$child; }
  local slug
  slug=$(curl -fsS "http://127.0.0.1:$port/latest" | grep -o 'href="/articles/[a-z0-9-]*"' | head -n 1 | sed 's|href="/articles/||; s|"||')
  echo "    article: /articles/$slug"

  local started=$SECONDS
  users_sql "$name" | run_sql "$name" >/dev/null
  echo "    $((readers + warmup)) reader accounts inserted in $((SECONDS - started)) s"
  if [[ ${VOTE_MINT_LINKS:-1} == 1 ]]; then links_sql "$name" | run_sql "$name" >/dev/null; echo "    $((readers + warmup)) sign-in links minted"; fi
  if ((prefill > 0)); then
    started=$SECONDS
    prefill_sql "$name" "$slug" | run_sql "$name" >/dev/null
    echo "    $prefill earlier vote rows on the article inserted in $((SECONDS - started)) s"
  fi

  local storm_rc=0 tracer=""
  if [[ -n ${VOTE_TRACE:-} ]]; then
    # Started once every reader is signed in, so the profile is the storm's, not the sign-ins'.
    ( while ! grep -q '^==> Releasing' "$out" 2>/dev/null; do sleep 0.05; done
      /root/.dotnet/tools/dotnet-trace collect -p "$app" --profile "${VOTE_TRACE_PROFILE:-dotnet-sampled-thread-time}" \
        --duration "00:00:00:${VOTE_TRACE_SECONDS:-10}" -o "$VOTE_TRACE" >/dev/null 2>&1
      [[ -n ${VOTE_TRACE_PROFILE:-} ]] || /root/.dotnet/tools/dotnet-trace convert "$VOTE_TRACE" --format Speedscope -o "$VOTE_TRACE" >/dev/null 2>&1 ) &
    tracer=$!
  fi
  local counter=""
  if [[ -n ${VOTE_COUNTERS:-} ]]; then
    ( while ! grep -q '^==> Releasing' "$out" 2>/dev/null; do sleep 0.05; done
      /root/.dotnet/tools/dotnet-counters collect -p "$app" --refresh-interval 1 --format csv -o "$VOTE_COUNTERS" \
        --counters 'System.Runtime[dotnet.gc.heap.total_allocated,dotnet.gc.collections]' \
        --duration "00:00:00:${VOTE_COUNTERS_SECONDS:-15}" >/dev/null 2>&1 ) &
    counter=$!
  fi
  dotnet "$work/storm/VoteStorm.dll" --base "http://127.0.0.1:$port" --slug "$slug" --mail "$mail" \
    --readers "$readers" --rounds "${VOTE_ROUNDS:-1}" --warmup "$warmup" \
    ${VOTE_RATES:+--rates "$VOTE_RATES" --think-ms "${VOTE_THINK_MS:-500}"} \
    --sign-in-parallel "${VOTE_SIGNIN_PARALLEL:-32}" --minted-links "$([[ ${VOTE_MINT_LINKS:-1} == 1 ]] && echo true || echo false)" --settle "${VOTE_STAMP_SECONDS:-10}" --app-pid "$app" --expected "$work/$name.expected.csv" | tee "$out" || storm_rc=$?
  [[ -n $tracer ]] && wait "$tracer"
  if [[ -n $counter ]]; then
    wait "$counter" || true
    # The counter is a rate: each row is the bytes allocated in its interval.
    local allocated; allocated=$(awk -F, '/total_allocated/ { s += $NF } END { printf "%.0f", s }' "$VOTE_COUNTERS")
    local votes_sent; votes_sent=$(grep '^RESULT' "$out" | tr ' ' '\n' | sed -n 's/^votes=//p')
    echo "    allocated by the app from the release (${VOTE_COUNTERS_SECONDS:-15} s): $((allocated / 1048576)) MB, $((allocated / ${votes_sent:-1})) bytes per vote"
  fi
  grep -q '^RESULT' "$out" || { echo "VoteStorm failed before the storm ($storm_rc); app log:" >&2; tail -n 40 "$log" >&2; exit 1; }
  field() { grep '^RESULT' "$out" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

  local row up down rows_up rows_down exact total
  row=$( { [[ $name == Sqlite ]] && printf 'CREATE TEMP TABLE expected (email TEXT PRIMARY KEY, value INTEGER);\n.import --csv %s expected\n' "$work/$name.expected.csv" \
           || echo "CREATE TEMP TABLE expected (email text PRIMARY KEY, value integer); \\copy expected FROM '$work/$name.expected.csv' WITH (FORMAT csv)"
         check_sql "$slug"; } | run_sql "$name" | tail -n 1)
  IFS='|' read -r up down rows_up rows_down exact total <<<"$row"
  local verdict=PASS
  [[ $up == "$rows_up" && $down == "$rows_down" && $up == "$(field expected_up)" && $down == "$(field expected_down)" \
     && $exact == "$total" && $total == "$readers" && $storm_rc == 0 ]] || { verdict=FAIL; status=1; }
  echo "    database: Upvotes $up, Downvotes $down; vote rows: $rows_up up, $rows_down down;" \
       "readers holding exactly their last vote: $exact of $total -> $verdict"

  local errors
  errors=$(grep -cE '^(fail|crit)' "$log" || true)
  echo "    app log: $errors error entries$( ((errors)) && echo ', first ones:')"
  grep -E -A3 '^(fail|crit)' "$log" | head -n 20 | sed 's/^/      /' || true

  printf '| %s | %s | %s | %s s | %s | %s ms | %s ms | %s ms | %s ms | %s (%s / %s / %s) | %s |\n' "$name" "$(field votes)" "$(field accepted)" \
    "$(field seconds)" "$(field votes_per_s)" "$(field p50_ms)" "$(field p95_ms)" "$(field p99_ms)" "$(field max_ms)" \
    "$(field retried)" "$(field attempts_429)" "$(field attempts_5xx)" "$(field timeouts)" "$verdict" >> "$work/table.md"
  # Open loop: one row per phase (the exactness check above covers them all).
  { grep '^PHASE' "$out" || true; } | while read -r line; do
    pf() { tr ' ' '\n' <<<"$line" | sed -n "s/^$1=//p"; }
    printf '| %s | %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s µs | %s | %s | %s |\n' "$name" "$(pf rate)" "$(pf votes)" "$(pf votes_per_s)" \
      "$(pf p50_ms)" "$(pf p95_ms)" "$(pf p99_ms)" "$(pf max_ms)" "$(pf dispatch_late_p99_ms)" "$(pf cpu_us_per_vote)" "$(pf app_cores)" "$(pf client_cores)" "$verdict"
  done >> "$work/phases.md"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

run_sql() { # provider; SQL on stdin, rows out as a|b|c
  if [[ $1 == Sqlite ]]; then sqlite3 -batch -bail "$work/sqlite/votes.db"
  else psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d broadsheet_votes; fi
}

mkdir -p "$work/sqlite"
storm Sqlite --Database:Provider Sqlite --ConnectionStrings:Broadsheet "Data Source=$work/sqlite/votes.db"

if $postgres; then
  pg_bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -n1)")
  pg_dir="$work/pg"; mkdir -p "$pg_dir"; chown postgres:postgres "$pg_dir"
  pg_port=$(free_port); pg_data="$pg_dir/data"
  echo "==> Starting a throwaway PostgreSQL cluster"
  (cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >/dev/null)
  (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_dir/log" \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null)
  storm Postgres --Database:Provider Postgres \
    --ConnectionStrings:Broadsheet "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=broadsheet_votes"
fi

echo
cat "$work/table.md"
if [[ -s $work/phases.md ]]; then
  printf '\nOpen loop (latency from each vote'"'"'s due time):\n| database | offered votes/s | votes | achieved votes/s | p50 | p95 | p99 | max | sent late (p99) | app CPU per vote | app cores | client cores | exact (whole run) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
  cat "$work/phases.md"
fi
printf '\n[%s, %s cores, .NET SDK %s, %s readers (%s more for the warm-up), %s earlier votes on the article, client and server on the same box; uptime:%s]\n' \
  "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$readers" "$warmup" "$prefill" "$(uptime | sed 's/.*load/ load/')"
exit $status
