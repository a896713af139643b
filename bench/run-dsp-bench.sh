#!/bin/sh
# Per-frame cost of the C++ analysis (bench_dsp, Release build) and of the seed's numpy math
# (seed_numpy_bench.py) on the same signal in the same run, and their ratio.
#   bench/run-dsp-bench.sh [build-dir]        (default: $TMPDIR/spectray-bench-release)
# Env: SPECTRAY_NUMPY_PYTHON (default /usr/bin/python3, Debian's, which has numpy).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-${TMPDIR:-/tmp}/spectray-bench-release}
py=${SPECTRAY_NUMPY_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSPECTRAY_BUILD_TESTS=OFF >"$work/configure.log" \
    || { cat "$work/configure.log"; exit 1; }
cmake --build "$build" --target bench_dsp -j"${JOBS:-2}" >"$work/build.log" || { cat "$work/build.log"; exit 1; }

"$py" "$here/seed_numpy_bench.py" --write-signal "$work/signal.f32"
echo "== bench_dsp (C++, FFTW single precision)"
SPECTRAY_BENCH_SIGNAL="$work/signal.f32" "$build/bench/bench_dsp" --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true --benchmark_out="$work/bench.json" --benchmark_out_format=json
echo "== seed numpy (python: $py)"
"$py" "$here/seed_numpy_bench.py" "$work/signal.f32" | tee "$work/numpy.txt"

"$py" - "$work/bench.json" "$work/numpy.txt" <<'PY'
import json, sys
numpy_us = float(open(sys.argv[2]).read().split()[1])
rows = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("aggregate_name") == "median":
        rows[b["run_name"]] = b["cpu_time"]  # CPU microseconds (benchmarks use kMicrosecond)
print()
print(f"{'per frame (median CPU time)':34s} {'us':>9s} {'x faster than numpy':>20s}")
print(f"{'seed numpy (the service we replace)':34s} {numpy_us:9.2f} {1.0:20.2f}")
for name, us in rows.items():
    print(f"{name:34s} {us:9.2f} {numpy_us / us:20.2f}")
print("\ntargets: seed profile >= 10x, default profile >= 1x")
PY
