#!/usr/bin/env bash
# The whole app under WebSocket load (issue 11's "headless + 10 WebSocket clients, 60 fps" row):
# `spectray --headless --source demo` (capture, analysis and the LAN server, no sound server needed)
# with N clients of loadclients.mjs. Prints frames delivered, the app's CPU (all threads, from
# /proc), its resident memory at the end and the machine's load average. Figures, not pass/fail.
#   bench/load/headless.sh [SPECTRAY_BINARY] [CLIENTS]     e.g. bench/load/headless.sh build/src/app/spectray 10
# Environment: SECONDS_PER_RUN (30), FPS (60), BANDS (32), FORMAT (json|binary, default json),
#   ROUNDS (1): runs one after the other, each with a fresh process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../build/src/app/spectray}"
clients="${2:-10}"
secs="${SECONDS_PER_RUN:-30}"
fps="${FPS:-60}"
bands="${BANDS:-32}"
format="${FORMAT:-json}"
rounds="${ROUNDS:-1}"
[ -x "$bin" ] || { echo "no spectray binary at $bin" >&2; exit 2; }
tick=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

printf '%-6s %-8s %-7s %-7s %-10s %-12s %-8s %-8s %-8s %s\n' round clients format opened frames/cl delivered% cpu-s cpu% rss-MB loadavg
for round in $(seq "$rounds"); do
  port=$(free_port)
  QT_QPA_PLATFORM=offscreen "$bin" --headless --source demo --fps "$fps" --bands "$bands" --port "$port" \
    --bind 127.0.0.1 --config "$work/bench.ini" >"$work/out" 2>&1 &
  spid=$!
  for _ in $(seq 100); do grep -q "http://127.0.0.1:$port" "$work/out" && break; sleep 0.1; done
  sleep 1
  c0=$(cpu_ticks $spid)
  t0=$(date +%s.%N)
  json=$(node "$here/loadclients.mjs" --port "$port" --clients "$clients" --seconds "$secs" --format "$format" --batch 8)
  t1=$(date +%s.%N)
  c1=$(cpu_ticks $spid)
  rss=$(rss_kb $spid)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  kill -TERM $spid; wait $spid 2>/dev/null || true
  python3 - "$json" "$c0" "$c1" "$tick" "$t0" "$t1" "$rss" "$round" "$format" "$load" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); c0, c1, tick = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
wall = float(sys.argv[6]) - float(sys.argv[5]); cpu = (c1 - c0) / tick; rss = float(sys.argv[7]) / 1024
print(f"{sys.argv[8]:<6} {r['clients']:<8} {sys.argv[9]:<7} {r['opened']:<7} {r['frames_median']:<10} "
      f"{r['delivered_mean_pct']:<12} {cpu:<8.2f} {100*cpu/wall:<8.2f} {rss:<8.1f} {sys.argv[10]}")
PY
done
