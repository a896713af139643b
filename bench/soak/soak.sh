#!/usr/bin/env bash
# Soak test of `spectray --headless` (issue #9): DURATION seconds at FPS with 50 clients connecting
# and leaving every few seconds, 10 stalled clients, wrong tokens from other loopback addresses,
# and the audio server (a private PulseAudio, null sink; Spectray captures its monitor) restarted
# every RESTART_EVERY seconds. Prints RSS growth after warm-up, fds and threads at start and end,
# and frames delivered to steady readers; exit 1 if a target is missed
# (RSS growth < 1 MB, no fd/thread growth, >= 99 % frames).
#   bench/soak/soak.sh [BUILD_DIR]
# Environment: DURATION (1800), FPS (60), RESTART_EVERY (300), WARMUP (120), CHURN (50),
#   STALLED (10), STEADY (5), SOURCE ("monitor" = the null sink's monitor, or "demo").
#   SOAK_WRAPPER: a command to run spectray under (e.g. "heaptrack -o /tmp/soak"; RSS then is the wrapper's).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
build="${1:-$root/build}"
app="$build/src/app/spectray"
duration=${DURATION:-1800}; fps=${FPS:-60}; restart_every=${RESTART_EVERY:-300}; warmup=${WARMUP:-120}
churn=${CHURN:-50}; stalled=${STALLED:-10}; steady=${STEADY:-5}; source_mode=${SOURCE:-monitor}
[ -x "$app" ] || { echo "soak.sh: no spectray at $app (build the spectray target)" >&2; exit 2; }
command -v node >/dev/null && [ -d "$root/node_modules/ws" ] || { echo "soak.sh: needs node and npm ci at the repo root" >&2; exit 2; }
command -v pulseaudio >/dev/null || { echo "soak.sh: needs pulseaudio" >&2; exit 2; }

work=$(mktemp -d /tmp/spectray-soak.XXXXXX)
sock="$work/native"
pa_pid=""; app_pid=""; clients_pid=""; feeder_pid=""
cleanup() {
  [ -n "$clients_pid" ] && kill "$clients_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$pa_pid" ] && kill "$pa_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# A fresh runtime dir per start, the same socket path (a killed daemon's pid file would block a
# restart in the old dir: see /work/shared/notes/headless-linux.md).
start_pulse() {
  local rt; rt=$(mktemp -d "$work/pa.XXXXXX"); chmod 700 "$rt"
  XDG_RUNTIME_DIR="$rt" pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit \
    --log-target=file:"$rt/pa.log" \
    -L "module-native-protocol-unix socket=$sock auth-anonymous=1" \
    -L "module-null-sink sink_name=soak_sink rate=48000" \
    -L "module-always-sink" >/dev/null 2>&1 &
  pa_pid=$!
  for _ in $(seq 100); do
    if PULSE_SERVER="unix:$sock" pactl info >/dev/null 2>&1; then
      # A tone into the sink: on digital silence the engine stops emitting frames (docs/engine.md).
      sox -q -n -t raw -r 48000 -c 2 -b 16 -e signed - synth 36000 sine 440 vol 0.3 2>/dev/null \
        | PULSE_SERVER="unix:$sock" pacat -d soak_sink --raw --rate=48000 --channels=2 --format=s16le 2>/dev/null &
      feeder_pid=$!
      return 0
    fi
    sleep 0.1
  done
  echo "soak.sh: pulseaudio did not start" >&2; return 1
}
stop_pulse() {
  kill "$pa_pid" 2>/dev/null || true; wait "$pa_pid" 2>/dev/null || true; pa_pid=""
  kill "$feeder_pid" 2>/dev/null || true; wait "$feeder_pid" 2>/dev/null || true # sox then gets SIGPIPE
}

export PULSE_SERVER="unix:$sock"
start_pulse
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat >"$work/soak.ini" <<INI
[server]
token=$token
requireTokenOnLoopback=true
maxClients=100
INI
src_arg="soak_sink.monitor"; [ "$source_mode" = demo ] && src_arg=demo
${SOAK_WRAPPER:-} "$app" --headless --config "$work/soak.ini" --source "$src_arg" --fps "$fps" --port "$port" --bind 127.0.0.1 \
  >"$work/app.out" 2>"$work/app.err" &
app_pid=$!
for _ in $(seq 100); do grep -q 'streaming on port' "$work/app.out" 2>/dev/null && break; sleep 0.1; done
grep -q 'streaming on port' "$work/app.out" || { echo "soak.sh: spectray did not start:" >&2; cat "$work/app.err" >&2; exit 1; }

rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$app_pid/status"; }
# RSS = anonymous (heap, stacks) + file-backed (library code and data pages touched so far) + shmem;
# the split tells a leak (anonymous) from code paths reached late (file).
anon_kb() { awk '/^RssAnon/{print $2}' "/proc/$app_pid/status"; }
file_kb() { awk '/^RssFile/{print $2}' "/proc/$app_pid/status"; }
threads() { awk '/^Threads/{print $2}' "/proc/$app_pid/status"; }
fds() { ls "/proc/$app_pid/fd" | wc -l; }

# Descriptors and threads are compared idle (no clients) at start and at the end.
sleep 3
fd0=$(fds); th0=$(threads); rss0=$(rss_kb)
node "$here/soakclients.mjs" --port "$port" --token "$token" --seconds "$duration" \
  --steady "$steady" --churn "$churn" --stalled "$stalled" >"$work/clients.json" 2>"$work/clients.err" &
clients_pid=$!
echo "soak.sh: port $port, $duration s at $fps fps, pid $app_pid; start: rss ${rss0} kB, fds $fd0, threads $th0"
start=$(date +%s); next_restart=$((start + restart_every)); rss_warm=""; restarts=0
samples="$work/samples.tsv"; echo -e "t\trss_kb\tanon_kb\tfile_kb\tfds\tthreads" >"$samples"
while kill -0 "$clients_pid" 2>/dev/null; do
  sleep 5
  kill -0 "$app_pid" 2>/dev/null || { echo "soak.sh: spectray died" >&2; cat "$work/app.err" >&2; exit 1; }
  now=$(date +%s); t=$((now - start))
  echo -e "$t\t$(rss_kb)\t$(anon_kb)\t$(file_kb)\t$(fds)\t$(threads)" >>"$samples"
  if [ -z "$rss_warm" ] && [ "$t" -ge "$warmup" ]; then rss_warm=$(rss_kb); anon_warm=$(anon_kb); file_warm=$(file_kb); fi
  if [ "$now" -ge "$next_restart" ] && [ "$t" -lt $((duration - 30)) ]; then
    stop_pulse; sleep 1; start_pulse; restarts=$((restarts + 1)); next_restart=$((now + restart_every))
    echo "soak.sh: t=${t}s audio server restarted ($restarts)"
  fi
done
wait "$clients_pid" || true; clients_pid=""
sleep 5 # let the server notice the clients are gone (stalled ones are dropped by timeout)
fd1=$(fds); th1=$(threads); rss1=$(rss_kb)
[ -n "$rss_warm" ] || { rss_warm=$rss0; anon_warm=$(anon_kb); file_warm=$(file_kb); }
echo "soak.sh: after warm-up -> end: anonymous $anon_warm -> $(anon_kb) kB, file-backed $file_warm -> $(file_kb) kB"
python3 - "$work/clients.json" "$rss_warm" "$rss1" "$fd0" "$fd1" "$th0" "$th1" "$restarts" "$samples" <<'PY'
import json, sys
c = json.load(open(sys.argv[1])); warm, end, fd0, fd1, th0, th1, restarts = map(int, sys.argv[2:9])
growth = end - warm
print(f"RSS after warm-up {warm} kB, at end {end} kB: growth {growth} kB (target < 1024)")
print(f"fds start {fd0} end {fd1}; threads start {th0} end {th1}; audio server restarts {restarts}")
print(f"steady readers: {c['steady_delivered_pct']} % of frames delivered (target >= 99); per reader: {c['steady']}")
print(f"churn sessions {c['churn_sessions']} (opened {c['churn_opened']}, refused {c['churn_refused']}, errors {c['churn_errors']}); "
      f"stalled handshakes {c['stalled_handshakes']}, recycled {c['stalled_recycled']}; wrong-token answers {c['bad_token_answers']}")
print(f"samples: {sys.argv[9]}")
ok = growth < 1024 and fd1 <= fd0 and th1 <= th0 and c['steady_delivered_pct'] >= 99
print("soak.sh: PASS" if ok else "soak.sh: TARGET MISSED")
sys.exit(0 if ok else 1)
PY
