#!/usr/bin/env bash
# Runs every Broadsheet test: unit, integration on SQLite, the same integration suite on a
# throwaway PostgreSQL server, and the Chromium journeys. Installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")"

# --- What the tests need from Debian -------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
id postgres >/dev/null 2>&1 || missing+=(postgresql)
# The scale-out test (Shared/ScaleOutTests) runs its own Redis and nginx as child processes.
command -v redis-server >/dev/null || missing+=(redis-server)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
# The OpenAPI linter (Api/OpenApiDocumentTests) is an npm package.
command -v npm >/dev/null || missing+=(nodejs npm)
# The Nu HTML Checker (Browser/SiteChecksTests) is a Java program.
command -v java >/dev/null || missing+=(default-jre-headless)
if ((${#missing[@]})); then
  echo "==> Installing ${missing[*]} from Debian"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # Debian starts redis and nginx as services on install. Without systemd (containers, CI) that
  # start fails and would fail the install; policy-rc.d tells the package scripts not to start
  # anything, so a failed install still fails the script. Ours is removed again afterwards.
  policy=/usr/sbin/policy-rc.d
  own_policy=
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
    "${sudo_cmd[@]}" chmod +x "$policy"
    own_policy=1
  fi
  installed=0
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || installed=$?
  [[ -z $own_policy ]] || "${sudo_cmd[@]}" rm -f "$policy"
  ((installed == 0)) || { echo "apt-get install ${missing[*]} failed ($installed)" >&2; exit "$installed"; }
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }

results=${BROADSHEET_ARTIFACTS:-$PWD/artifacts}
rm -rf "$results"
mkdir -p "$results"
export BROADSHEET_ARTIFACTS=$results

# The OpenAPI linter, pinned by tests/openapi-lint/package-lock.json (one package, about 15 MB).
npm ci --prefix tests/openapi-lint --no-audit --no-fund --ignore-scripts --loglevel=error
# The page validators, pinned by tests/site-checks/package-lock.json: vnu-jar (run with Debian's
# Java; --ignore-scripts skips its postinstall, which would download a runtime), axe-core, and
# lighthouse (run with Debian's chromium, never a browser of its own).
npm ci --prefix tests/site-checks --no-audit --no-fund --ignore-scripts --loglevel=error

# --- Build once, then run the suite twice ------------------------------------------------------
echo "==> Building"
dotnet build Broadsheet.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

# Garbage collection and thread-pool settings for the test host and every .NET process it starts
# (the command-line children, the crash tests' apps). They change how much CPU the runtime spends
# beside the work, never what the code does: on 2 cores shared by four test classes and their
# children, the shipped server GC's per-core heaps and threads, background GC and the thread
# pool's spinning are CPU that a test run gets nothing for, and a 64 MB first generation collects
# a short process far less often. Measured in docs/benchmarks.md ("Test suite CPU: GC and
# thread-pool settings"); the shipped app keeps the runtime's defaults.
run() {
  local name=$1; shift
  echo "==> Tests: $name"
  DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_GCgen0size=0x4000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
  dotnet test tests/Broadsheet.Tests -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"
}

status=0
BROADSHEET_TEST_PROVIDER=Sqlite run sqlite || status=$?
# The integration suite again, on a real PostgreSQL server the tests start on loopback.
BROADSHEET_TEST_PROVIDER=Postgres run postgres --filter "Category=Integration" || status=$?

# A test process killed mid-run could leave its PostgreSQL cluster behind; stop any such.
for dir in /tmp/broadsheet-pg-*/data; do
  [[ -d $dir ]] || continue
  runuser -u postgres -- "$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | tail -n1)" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$(dirname "$dir")"
done

# One closing line over both runs, read from the TRX files.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("total", 0)) - int(c.get("executed", 0))  # trx leaves notExecuted at 0 for xunit skips
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
echo "Screenshots and test results: $results"
exit $status
