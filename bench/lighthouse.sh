#!/usr/bin/env bash
# Lighthouse, all four categories, on the mobile preset (Lighthouse's default: an emulated phone on
# simulated slow 4G), over home, a story with a picture, a section and a search, on a demo-seeded
# Release build in Production. One Chromium (/usr/bin/chromium, or CHROME_PATH) for all pages.
# Build first (dotnet build -c Release). Usage: [RUNS=3] [WAIT_TRIES=1500] bench/lighthouse.sh (a loaded machine starts the app slowly)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d /tmp/broadsheet-lighthouse.XXXXXX)
pid=
cleanup() { [[ -z $pid ]] || kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

[[ -d tests/site-checks/node_modules/lighthouse ]] || npm ci --prefix tests/site-checks --no-audit --no-fund --ignore-scripts --loglevel=error
port=$(free_port)
base="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl=$base Demo__Seed=true Logging__LogLevel__Default=Warning \
  ConnectionStrings__Broadsheet="Data Source=$work/broadsheet.db" Media__Directory="$work/media" \
  dotnet run --project src/Broadsheet -c Release --no-build --no-launch-profile -- --urls "$base" >"$work/app.log" 2>&1 &
pid=$!
wait_for "$base/health"; wait_for "$base/"

# A story with a picture (the demo gives five in six one), its section, and a search for its first word.
curl -fsS "$base/" -o "$work/home.html"
story=$(grep -o 'href="/articles/[a-z0-9-]*"' "$work/home.html" | sed -n 1p | sed 's|href="/articles/||; s|"||')
curl -fsS "$base/articles/$story" -o "$work/story.html"
section=$(grep -o 'href="/category/[a-z0-9-]*"' "$work/story.html" | sed -n 1p | sed 's|href="/category/||; s|"||')
paths=("/" "/articles/$story" "/category/$section" "/search?q=${story%%-*}")
# The scripts and stylesheet once each, as an earlier visitor would have: from their second request
# on they go out as the small Brotli copy (src/Broadsheet/Host/CompressedAssets.cs).
for asset in $(grep -o '\(src\|href\)="/\(css\|js\|lib\)/[^"]*"' "$work/home.html" | sed 's/^[a-z]*="//; s/"$//'); do
  curl -fsS -H 'Accept-Encoding: br' -o /dev/null "$base$asset"
done

# RUNS=3 repeats the four pages: the performance score is a simulation fed by observed main-thread
# times, so one run on a shared machine says little.
for run in $(seq 1 "${RUNS:-1}"); do
echo "run $run, load average: $(cut -d" " -f1-3 /proc/loadavg)"
(cd tests/site-checks && node lighthouse.mjs "$base" all "${paths[@]}") > "$work/report.json"
python3 - "$work/report.json" <<'PY'
import json, sys
pages = json.load(open(sys.argv[1]))
print(f"{'page':48} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'bytes':>9}")
for p in pages:
    s = p['scores']
    print(f"{p['path'][:48]:48} {s.get('performance')!s:>5} {s.get('accessibility')!s:>5} {s.get('best-practices')!s:>5} {s.get('seo')!s:>5} {int(p['bytes'] or 0):>9,}")
    if p.get('metrics'): print('    ' + ', '.join(f"{k} {v}" for k, v in p['metrics'].items()))
    if p.get('weight'): print('    bytes: ' + ', '.join(f"{k} {v}" for k, v in p['weight'].items()))
    if p.get('fonts'): print('    fonts:', ', '.join(p['fonts']))
    if p.get('scripts'): print('    script ms:', ', '.join(p['scripts']), '| main thread ms:', ', '.join(f"{k} {v}" for k, v in (p.get('mainThread') or {}).items()))
    if p.get('lcpElement'): print('    lcp:', p['lcpElement'][:140], '|', ', '.join(f"{k} {v}" for k, v in (p.get('lcpPhases') or {}).items()))
    for f in p['failing']: print('   ', f)
    for e in p['errors']: print('    error:', e)
print('RESULT performance ' + ' '.join(f"{p['path'].split('?')[0].rstrip('/').split('/')[1] if p['path'] != '/' else 'home'}={p['scores'].get('performance')}" for p in pages))
PY
done
