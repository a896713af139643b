#!/usr/bin/env bash
# LAN server load benchmark: N WebSocket clients (Node ws) for D seconds against a server that
# publishes F fps. Prints frames delivered per client, server CPU time and resident memory.
# Figures, not pass/fail.
#   bench/load/run.sh [BUILD_DIR] [CLIENT_COUNTS...]        e.g. bench/load/run.sh build 10 100 200
# Environment: SECONDS_PER_RUN (30), FPS (60), BANDS (32), FORMAT (json|binary, default json),
#   SERVER (server binary; default BUILD_DIR/tests/net/spectray_net_demoserver: synthetic frames,
#   so the figures are the fan-out alone, without audio analysis).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
shift || true
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(10 100 200)
secs="${SECONDS_PER_RUN:-30}"
fps="${FPS:-60}"
bands="${BANDS:-32}"
format="${FORMAT:-json}"
server="${SERVER:-$build/tests/net/spectray_net_demoserver}"
[ -x "$server" ] || { echo "no server binary at $server (build spectray_net_demoserver)" >&2; exit 2; }
tick=$(getconf CLK_TCK)
page=$(getconf PAGESIZE)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk -v p="$page" '{print $2 * p / 1024}' "/proc/$1/statm"; }

printf '%-8s %-7s %-7s %-10s %-12s %-12s %-10s %-10s %-12s %-14s\n' clients format opened frames/cl delivered% min-deliv% cpu-s cpu% rss-MB us/client-frame
for n in "${counts[@]}"; do
  out=$(mktemp)
  "$server" --port 0 --fps "$fps" --bands "$bands" --max-clients 1000 >"$out" 2>/dev/null &
  spid=$!
  for _ in $(seq 50); do grep -q '^PORT' "$out" && break; sleep 0.1; done
  port=$(awk '/^PORT/{print $2}' "$out")
  sleep 0.5
  c0=$(cpu_ticks $spid)
  t0=$(date +%s.%N)
  json=$(node "$here/loadclients.mjs" --port "$port" --clients "$n" --seconds "$secs" --format "$format")
  t1=$(date +%s.%N)
  c1=$(cpu_ticks $spid)
  rss=$(rss_kb $spid)
  kill -TERM $spid; wait $spid 2>/dev/null || true
  rm -f "$out"
  python3 - "$json" "$c0" "$c1" "$tick" "$t0" "$t1" "$rss" "$n" "$fps" "$format" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); c0, c1, tick = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
wall = float(sys.argv[6]) - float(sys.argv[5]); rss = float(sys.argv[7]); n = int(sys.argv[8])
fps = int(sys.argv[9]); cpu = (c1 - c0) / tick
client_frames = n * fps * wall
print(f"{n:<8} {sys.argv[10]:<7} {r['opened']:<7} {r['frames_median']:<10} {r['delivered_mean_pct']:<12} {r['delivered_min_pct']:<12} "
      f"{cpu:<10.2f} {100*cpu/wall:<10.1f} {rss/1024:<12.1f} {1e6*cpu/client_frames:<14.2f}")
PY
done
