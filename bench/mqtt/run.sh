#!/usr/bin/env bash
# MQTT fan-out bench: one Spectray publisher (spectray_outputs_demo: synthetic audio through the
# real dsp path, 64-band binary frames at 30 fps + level at 10/s) -> a private mosquitto on a
# loopback port -> N subscribers (one process, one thread, poll). Also the WLED sender alone.
# Prints frames delivered and the CPU of each part; figures, not pass/fail.
#   bench/mqtt/run.sh BUILD_DIR [SECONDS] [N ...]      e.g. bench/mqtt/run.sh build 20 100 500
set -u
build=$(cd "${1:?build dir}" && pwd); shift
seconds=${1:-20}; shift || true
counts=("$@"); [ "${#counts[@]}" -gt 0 ] || counts=(100 500)
here=$(cd "$(dirname "$0")" && pwd)
demo=$build/tests/outputs/spectray_outputs_demo
[ -x "$demo" ] || { echo "build spectray_outputs_demo first (cmake --build $build --target spectray_outputs_demo)"; exit 2; }
command -v mosquitto >/dev/null || { echo "mosquitto not installed"; exit 2; }
work=$(mktemp -d)
subs=$work/mqttsubs
g++ -O2 -std=c++17 -o "$subs" "$here/mqttsubs.cpp" $(pkg-config --cflags --libs libmosquitto) || exit 2
broker_pid=
cleanup() { [ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ticks=$(getconf CLK_TCK)
cpu_of() { awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$1/stat"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); mosquitto $(mosquitto -h 2>&1 | head -1 | awk '{print $3}')"
for n in "${counts[@]}"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 1000\n' "$port" >"$work/m.conf"
  ulimit -n 4096 2>/dev/null
  mosquitto -c "$work/m.conf" >"$work/broker.log" 2>&1 & broker_pid=$!
  sleep 0.5
  "$subs" "$port" bench/frame "$n" $((seconds + 2)) >"$work/subs.json" & subs_pid=$!
  for _ in $(seq 1 200); do grep -q ready "$work/subs.json" 2>/dev/null && break; sleep 0.1; done
  b0=$(cpu_of "$broker_pid")
  "$demo" --mqtt "mqtt://127.0.0.1:$port/bench" --bands 64 --fps 30 --seconds "$seconds" >"$work/pub.log" 2>&1
  b1=$(cpu_of "$broker_pid")
  wait "$subs_pid"
  kill "$broker_pid"; wait "$broker_pid" 2>/dev/null; broker_pid=
  pub=$(grep '^{' "$work/pub.log" | tail -1)
  sub=$(tail -1 "$work/subs.json")
  python3 - "$n" "$seconds" "$pub" "$sub" "$b0" "$b1" <<'PY'
import json, sys
n, secs = int(sys.argv[1]), float(sys.argv[2])
pub, sub = json.loads(sys.argv[3]), json.loads(sys.argv[4])
broker = float(sys.argv[6]) - float(sys.argv[5])
sent = pub['mqtt_frames']
expected = sent * n
print(f"N={n:4d}: published {sent} frames in {pub['seconds']:.1f} s ({sent / pub['seconds']:.1f}/s); "
      f"delivered {sub['frames_total']}/{expected} ({100.0 * sub['frames_total'] / max(expected, 1):.2f}%), "
      f"per subscriber {sub['frames_min']}..{sub['frames_max']}, sequence gaps per subscriber {sub['gaps'] / n:.0f} (frames the publisher's rate limit skipped), connected {sub['connected']}/{n}")
print(f"        CPU: publisher {100 * pub['cpu_s'] / pub['seconds']:.1f}% of a core (incl. synthetic audio + dsp), "
      f"broker {100 * broker / secs:.1f}%, {n} subscribers {100 * sub['cpu_s'] / sub['seconds']:.1f}%; "
      f"per delivered message: broker {1e6 * broker / max(sub['frames_total'], 1):.1f} us, "
      f"subscriber side {1e6 * sub['cpu_s'] / max(sub['frames_total'], 1):.1f} us")
PY
done

# The WLED sender alone: unicast to a discard receiver on loopback.
out=$("$demo" --wled 127.0.0.1:9 --seconds "$seconds" | grep '^{')
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print(f"WLED sender: {d['wled_packets']} packets in {d['seconds']:.1f} s = {d['wled_packets'] / d['seconds']:.1f}/s; "
      f"process CPU {100 * d['cpu_s'] / d['seconds']:.1f}% of a core (incl. synthetic audio + GeqAnalysis at 100 Hz)")
PY
out=$("$demo" --seconds "$seconds" | grep '^{')
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print(f"baseline (synthetic audio + GeqAnalysis, no output): CPU {100 * d['cpu_s'] / d['seconds']:.1f}% of a core")
PY
