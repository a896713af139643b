#!/usr/bin/env bash
# Timing figures of the capture path, printed, never pass/fail (the tests only have hang guards):
# runs the capture and engine tests that measure something N times against their private
# PulseAudio daemons and prints each figure line (QtTest's QINFO output) with min/median/max.
#   bench/capture/run-capture-timing.sh BUILD_DIR [RUNS]
# Figures: open to first audio (idle null sink and low-latency sink), callbacks per second,
# device switch, default-sink follow, fallback after the device is unloaded, resume after a server
# restart, click round trip, Qt input first audio, demo/file real-time ratio, engine shutdown.
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [RUNS]}
runs=${2:-3}
tests=(capture/tst_pulsetiming capture/tst_pulsecapture capture/tst_qtinputbackend capture/tst_virtualbackends
       engine/tst_captureworker)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 1; r <= runs; r++)); do
  for t in "${tests[@]}"; do
    exe="$build/tests/$t"
    [ -x "$exe" ] || { echo "missing $exe (build the tests first)" >&2; exit 2; }
    # Keep the figure lines only ("QINFO  : Class::function() text NUMBER ms ...").
    "$exe" 2>&1 | grep -E '^QINFO' | sed -E 's/^QINFO  : //' >>"$out" || true
  done
done
# Group by the text with numbers blanked; print min / median / max of the figure: the last number
# followed by " ms" if there is one, else the last number.
python3 - "$out" "$runs" <<'PY'
import re, statistics, sys
groups = {}
for line in open(sys.argv[1]):
    text = line.split(') ', 1)[-1]
    nums = re.findall(r'(-?\d+(?:\.\d+)?) ms', text) or re.findall(r'-?\d+(?:\.\d+)?', text)
    if not nums:
        continue
    key = re.sub(r'-?\d+(?:\.\d+)?', '#', line.strip())
    groups.setdefault(key, []).append(float(nums[-1]))
print(f"{'min':>9} {'median':>9} {'max':>9}  n  figure ({sys.argv[2]} runs)")
for key, values in sorted(groups.items()):
    print(f"{min(values):9.1f} {statistics.median(values):9.1f} {max(values):9.1f} {len(values):2d}  {key}")
PY
