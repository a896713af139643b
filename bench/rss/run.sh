#!/usr/bin/env bash
# Resident memory of spectray's console modes, with the part each mapped file (library) holds.
#   bench/rss/run.sh SPECTRAY_BINARY [SECONDS]
# Runs `--print-frames --fps 60` and `--headless` (port 0 on 127.0.0.1) for SECONDS (default 8)
# each, with the demo source and with a private PulseAudio null sink playing a tone (when pulseaudio
# is installed), then prints VmRSS, the anonymous/file-backed split and the largest mappings from
# /proc/PID/smaps. A benchmark: it prints, it does not pass or fail. Set SPECTRAY_NO_REEXEC=1 to
# measure the in-process run (the whole desktop program image) for comparison.
set -euo pipefail
exe="${1:?usage: run.sh SPECTRAY_BINARY [SECONDS]}"
secs="${2:-8}"
work="$(mktemp -d)"
cleanup() {
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

measure() { # LABEL ARGS...
  local label="$1"; shift
  "$exe" "$@" --config "$work/settings.ini" > /dev/null 2> "$work/err.txt" &
  local pid=$!
  sleep "$secs"
  if kill -0 "$pid" 2>/dev/null; then report "$pid" "$label"; else echo "== $label: exited early"; cat "$work/err.txt"; fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

export PULSE_SERVER="unix:/nonexistent/spectray-bench-socket"
measure "print-frames, demo" --print-frames --fps 60 --source demo
measure "headless, demo" --headless --source demo --port 0 --bind 127.0.0.1

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
  measure "print-frames, null sink" --print-frames --fps 60 --source pulse:bench_sink.monitor
  measure "headless, null sink" --headless --source pulse:bench_sink.monitor --port 0 --bind 127.0.0.1
fi
