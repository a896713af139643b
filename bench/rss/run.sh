#!/usr/bin/env bash
# Resident memory of spectray's console modes, with the part each mapped file (library) holds.
#   bench/rss/run.sh SPECTRAY_BINARY [SECONDS] [CLIENTS]
# Runs `--print-frames --fps 60 --bands 32` and `--headless` (port 0 on 127.0.0.1) for SECONDS
# (default 8) each, with the demo source and with a private PulseAudio null sink playing a tone (when
# pulseaudio is installed), then prints VmRSS, the anonymous/file-backed/shared-memory split and the
# largest mappings from /proc/PID/smaps. On the null sink it also measures
#   - `--headless` with CLIENTS (default 10) WebSocket clients at 60 fps (bench/vs-cava/wsclients.mjs;
#     needs node and `npm ci` at the repository root), the issue's second figure;
#   - floor.cpp, compiled here when c++ and pkg-config are present: QtCore + libpulse + FFTW doing
#     the same work with nothing of Spectray, so the rest of the figure is ours.
# Since round 6 a run lets go of its start-up pages 3 s after the engine starts (docs/app.md,
# "Start-up pages"), so the figures after SECONDS (> 3) are the steady state; run with
# SPECTRAY_KEEP_STARTUP_PAGES=1 in the environment to see them kept.
# A benchmark: it prints, it does not pass or fail. Set SPECTRAY_NO_REEXEC=1 to measure the
# in-process run (the whole desktop program image) for comparison. RssShmem is PulseAudio's shared
# memory pool as the server hands us audio in it: it grows for about a minute (0.1 -> 0.8 MB).
set -euo pipefail
exe="${1:?usage: run.sh SPECTRAY_BINARY [SECONDS]}"
secs="${2:-8}"
clients="${3:-10}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
cleanup() {
  [ -n "${ws_pid:-}" ] && kill "$ws_pid" 2>/dev/null || true
  [ -n "${pa_pid:-}" ] && kill "$pa_pid" 2>/dev/null || true
  [ -n "${play_pid:-}" ] && kill "$play_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

report() { # PID LABEL
  local pid="$1" label="$2"
  echo "== $label  (exe: $(basename "$(readlink "/proc/$pid/exe")"), load $(cut -d' ' -f1-3 /proc/loadavg))"
  grep -E '^(VmRSS|RssAnon|RssFile|RssShmem)' "/proc/$pid/status" | tr -s ' \t' ' ' | paste -sd' '
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=($6=="")?"[anon]":$6; n=split(name,p,"/"); name=p[n]}
       /^Rss:/{rss[name]+=$2}
       END{for(k in rss) if(rss[k]>=100) printf "%7.1f MB  %s\n", rss[k]/1024, k}' "/proc/$pid/smaps" | sort -rn | head -25
  echo "threads: $(ls "/proc/$pid/task" | wc -l)"
}

measure() { # LABEL PROGRAM ARGS...
  local label="$1"; shift
  "$@" > /dev/null 2> "$work/err.txt" &
  local pid=$!
  sleep "$secs"
  if kill -0 "$pid" 2>/dev/null; then report "$pid" "$label"; else echo "== $label: exited early"; cat "$work/err.txt"; fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

measure_clients() { # LABEL ARGS... : headless, CLIENTS WebSocket clients at 60 fps, measured while they read
  local label="$1"; shift
  "$exe" --headless --port 0 --bind 127.0.0.1 "$@" --config "$work/clients.ini" > "$work/out.txt" 2>&1 &
  local pid=$! url=""
  for _ in $(seq 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/#t=[0-9a-f]*' "$work/out.txt" | head -1)" && [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then echo "== $label: no URL"; cat "$work/out.txt"; kill -TERM "$pid"; wait "$pid" || true; return; fi
  local port="${url#http://127.0.0.1:}"; port="${port%%/*}"
  (cd "$root" && exec node bench/vs-cava/wsclients.mjs --port "$port" --token "${url#*#t=}" \
     --clients "$clients" --seconds "$((secs + 30))" --rate 60) > "$work/ws.txt" 2>&1 &
  ws_pid=$!
  for _ in $(seq 300); do grep -q READY "$work/ws.txt" && break; sleep 0.1; done
  sleep "$secs"
  if grep -q READY "$work/ws.txt"; then report "$pid" "$label"; else echo "== $label: clients not ready"; cat "$work/ws.txt"; fi
  kill "$ws_pid" 2>/dev/null || true; wait "$ws_pid" 2>/dev/null || true; ws_pid=""
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

export PULSE_SERVER="unix:/nonexistent/spectray-bench-socket"
cfg=(--config "$work/settings.ini")
measure "print-frames, demo" "$exe" --print-frames --fps 60 --bands 32 --source demo "${cfg[@]}"
measure "headless, demo" "$exe" --headless --source demo --port 0 --bind 127.0.0.1 "${cfg[@]}"

if command -v pulseaudio >/dev/null && command -v pacat >/dev/null; then
  export XDG_RUNTIME_DIR="$work/xdg"; mkdir -m 700 "$XDG_RUNTIME_DIR"
  pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit --log-target=file:"$work/pa.log" \
    -L "module-native-protocol-unix socket=$XDG_RUNTIME_DIR/native auth-anonymous=1" \
    -L "module-null-sink sink_name=bench_sink rate=48000" &
  pa_pid=$!
  export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/native"
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  # A 440 Hz tone, endlessly (sox writes it to pacat as raw samples).
  ( sox -n -r 48000 -c 2 -b 16 -e signed -t raw - synth 3600 sine 440 vol 0.3 2>/dev/null \
      | pacat -d bench_sink --rate=48000 --channels=2 --format=s16le --raw ) &
  play_pid=$!
  src=pulse:bench_sink.monitor
  measure "print-frames, null sink" "$exe" --print-frames --fps 60 --bands 32 --source "$src" "${cfg[@]}"
  measure "headless, null sink" "$exe" --headless --source "$src" --port 0 --bind 127.0.0.1 "${cfg[@]}"
  if command -v node >/dev/null && [ -d "$root/node_modules/ws" ]; then
    measure_clients "headless + $clients WebSocket clients at 60 fps, null sink" --source "$src"
  else
    echo "== headless + clients: skipped (node, or npm ci at the repository root, missing)"
  fi
  if command -v c++ >/dev/null && pkg-config --exists Qt6Core libpulse fftw3f 2>/dev/null; then
    # shellcheck disable=SC2046 # pkg-config prints several words on purpose
    c++ -O2 -std=c++20 -fPIC "$here/floor.cpp" -o "$work/floor" $(pkg-config --cflags --libs Qt6Core libpulse fftw3f)
    measure "floor: QtCore + libpulse + FFTW alone (floor.cpp), null sink" "$work/floor" bench_sink.monitor
  fi
fi
