#!/usr/bin/env bash
# Picture uploads: one 7000 × 7000 PNG (about 150 KB that inflates to 196 MB of pixels), then three
# at once. Wall time of each round, the answers, and the app's peak resident memory (VmHWM, reset
# between rounds through /proc/PID/clear_refs). SQLite, Release build, Production settings.
# Usage: bench/upload.sh [source-tree=.]   (another tree, e.g. a worktree of an older commit, to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
tree=${1:-.}
work=$(mktemp -d /tmp/broadsheet-upload-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "==> Publishing a Release build of $tree" >&2
(cd "$tree" && dotnet publish src/Broadsheet -c Release -o "$work/app" -nologo -v quiet)

echo "==> Making the pictures" >&2
python3 - "$work" <<'EOF'
import struct, sys, zlib
def png(path, w, h):
    # Opaque RGB; the top-left quarter orange, the rest blue: what the tests upload.
    orange, blue = bytes([255, 165, 0]), bytes([0x3a, 0x6e, 0x8f])
    top = b"\0" + orange * (w // 2) + blue * (w - w // 2)
    rest = b"\0" + blue * w
    raw = top * (h // 2) + rest * (h - h // 2)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
png(sys.argv[1] + "/huge.png", 7000, 7000)
png(sys.argv[1] + "/small.png", 800, 600)
EOF
echo "    huge.png: $(stat -c %s "$work/huge.png") bytes" >&2

export ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false "ConnectionStrings__Broadsheet=Data Source=$work/bench.db" \
  "Media__Directory=$work/media" "DataProtection__KeysDirectory=$work/keys" Logging__LogLevel__Default=Warning
email=bench-author@example.test
password="a bench author's password"
(cd "$work/app" && dotnet Broadsheet.dll users create --email "$email" --password "$password" --role author --name "Bench Author" >&2)

port=$(free_port)
base="http://127.0.0.1:$port"
(cd "$work/app" && exec env "Site__BaseUrl=$base" dotnet Broadsheet.dll --urls "$base" >"$work/app.log" 2>&1) &
pids+=($!)
app_pid=${pids[-1]}
wait_for "$base/health"; wait_for "$base/"

# Sign in with the form, as a browser does; keep the cookies in a jar.
jar="$work/cookies"
curl -fsS -c "$jar" -b "$jar" -o "$work/signin.html" "$base/account/sign-in"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/signin.html" | head -n1 | sed 's/.*value="//; s/"$//')
curl -sS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=/" "$base/account/sign-in"
curl -fsS -c "$jar" -b "$jar" -o "$work/media.html" "$base/newsroom/media"
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/media.html" | head -n1 | sed 's/.*value="//; s/"$//')
[[ -n $token ]] || { echo "not signed in as an author" >&2; exit 1; }

upload() { # file alt -> HTTP status
  curl -sS -b "$jar" -o /dev/null -w '%{http_code} ' -F "__RequestVerificationToken=$token" -F "alt=$2" -F "file=@$1;type=image/png" "$base/newsroom/media"
}
# CPU the app itself spent (user + system, in clock ticks): steadier than wall time on a shared box.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$app_pid/status"; }
mb() { python3 -c "print(f'{$1/1024:.0f} MB')"; }

upload "$work/small.png" "warm-up" >/dev/null   # JIT, pools, the codec
sleep 1
idle=$(kb VmRSS)
printf '| round | answers | wall time | app CPU | app peak RSS |\n| --- | --- | ---: | ---: | ---: |\n' > "$work/table.md"
round() { # name count
  echo 5 > "/proc/$app_pid/clear_refs"   # VmHWM back to the current RSS
  local start end statuses cpu
  cpu=$(cpu_ticks)
  start=$(date +%s.%N)
  local uploads=()
  for i in $(seq "$2"); do upload "$work/huge.png" "huge $1 $i" > "$work/status-$i" & uploads+=($!); done
  wait "${uploads[@]}"
  end=$(date +%s.%N)
  statuses=$(cat "$work"/status-* | tr '\n' ' '); rm -f "$work"/status-*
  cpu=$(python3 -c "print(f'{($(cpu_ticks) - $cpu) / $(getconf CLK_TCK):.1f} s')")
  printf '| %s | %s| %.1f s | %s | %s |\n' "$1" "$statuses" "$(python3 -c "print($end - $start)")" "$cpu" "$(mb "$(kb VmHWM)")" >> "$work/table.md"
}
round "one 7000² PNG" 1
round "three at once" 3
echo "app resident after warm-up: $(mb "$idle")"
cat "$work/table.md"
printf '\n[%s, %s cores, .NET SDK %s, load average at the end: %s]\n' "$(date -u +%F)" "$(nproc)" "$(dotnet --version)" "$(cut -d' ' -f1-3 /proc/loadavg)"
