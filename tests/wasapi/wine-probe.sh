#!/usr/bin/env bash
# Runs the cross-compiled spectray-wasapi-probe under Wine against a private PulseAudio daemon:
# endpoint listing, then event-driven capture from the null sink's monitor (a *capture* endpoint:
# Wine 8 has no loopback) while a 0.5-amplitude sine plays, expecting about -9 dBFS RMS.
#   wine-probe.sh PROBE_EXE WORK_DIR      Exit 77 = skipped (no wine64 / pulseaudio / exe).
set -euo pipefail
exe="$1"; work="$2"
wine=""
for w in wine64 /usr/lib/wine/wine64; do command -v "$w" >/dev/null 2>&1 && { wine="$w"; break; }; done
[ -n "$wine" ] || { echo "SKIP: wine64 not installed (optional: apt-get install wine64)"; exit 77; }
for tool in pulseaudio paplay python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
[ -f "$exe" ] || { echo "SKIP: $exe not built (run scripts/cross-check-windows.sh / ctest -R pkg_windows_cross)"; exit 77; }

mkdir -p "$work"
export XDG_RUNTIME_DIR; XDG_RUNTIME_DIR="$(mktemp -d)"; chmod 700 "$XDG_RUNTIME_DIR"
export WINEDEBUG=-all WINEPREFIX="$work/wineprefix"   # kept between runs: creating it takes ~25 s
player=""
cleanup() {
  [ -n "$player" ] && kill "$player" 2>/dev/null || true
  [ -f "$XDG_RUNTIME_DIR/pulse/pid" ] && kill "$(cat "$XDG_RUNTIME_DIR/pulse/pid")" 2>/dev/null || true
  server="$(dirname "$(command -v "$wine")")/wineserver"
  [ -x "$server" ] || server=/usr/lib/wine/wineserver
  [ -x "$server" ] && "$server" -k 2>/dev/null || true   # only this prefix's server
  rm -rf "$XDG_RUNTIME_DIR"
}
trap cleanup EXIT

pulseaudio -n --daemonize=yes --exit-idle-time=-1 --disallow-exit --use-pid-file=yes \
  --log-target=file:"$XDG_RUNTIME_DIR/pa.log" \
  -L "module-native-protocol-unix socket=$XDG_RUNTIME_DIR/native auth-anonymous=1" \
  -L "module-null-sink sink_name=test_sink rate=48000" 2>/dev/null
export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/native"

echo "== --list-devices"
timeout 180 "$wine" "$exe" --list-devices | tee "$work/list.txt"
grep -q '^loopback.*Null Output' "$work/list.txt" || { echo "FAIL the null sink is not listed as a loopback endpoint"; exit 1; }
grep -q '^input.*Monitor of Null Output' "$work/list.txt" || { echo "FAIL the monitor is not listed as an input"; exit 1; }
grep -q 'id: wasapi:{' "$work/list.txt" || { echo "FAIL ids lack the wasapi: prefix"; exit 1; }

echo "== default-output loopback (informational: Wine 8 refuses loopback)"
timeout 120 "$wine" "$exe" --seconds 1 2>&1 | tail -3 || true

echo "== capture from the monitor while a sine plays"
python3 - "$work/tone.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(48000)
    w.writeframes(b"".join(struct.pack("<hh", s, s) for s in
                  (int(16384 * math.sin(2 * math.pi * 1000 * n / 48000)) for n in range(48000 * 30))))
PY
paplay -d test_sink "$work/tone.wav" & player=$!
sleep 1
timeout 120 "$wine" "$exe" --seconds 5 --device "Monitor of Null" | tee "$work/capture.txt"
grep -q '^event started: Capturing "Monitor of Null Output" (48000 Hz, 2 ch' "$work/capture.txt" \
  || { echo "FAIL no Started event naming the device and format"; exit 1; }
# Half-second level lines: with the tone flowing, the RMS must read -9 dBFS (0.5/sqrt 2).
good=$(awk '/^t=/ { for (i = 1; i <= NF; ++i) if ($i == "rms") { v = $(i+1); if (v > -9.5 && v < -8.5) n++ } } END { print n+0 }' "$work/capture.txt")
lines=$(grep -c '^t=' "$work/capture.txt" || true)
echo "level lines: $lines, at -9 dBFS: $good"
[ "$lines" -ge 8 ] || { echo "FAIL expected ~10 level lines for 5 s (frame clock)"; exit 1; }
[ "$good" -ge 4 ] || { echo "FAIL the sine was not read back at -9 dBFS"; exit 1; }
echo "ok   wine probe"
