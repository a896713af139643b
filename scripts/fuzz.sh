#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz in a separate clang build (ASan + UBSan) and runs each
# for a bounded time on a copy of its checked-in seed corpus.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default 60 s each, every target
# Environment: SPECTRAY_FUZZ_BUILD_DIR (default build-fuzz), SPECTRAY_FUZZ_JOBS (build jobs).
# Exit 0 = no finding; 1 = a target crashed (its reproducer is saved, see the log); 77 = clang or
# libFuzzer not installed (apt-get install clang-14 libclang-rt-14-dev).
# A summary line per target gives executions, coverage (cov/ft) and the finding, if any.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
seconds=${1:-60}
shift || true
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;; esac
all=(fuzz_httphead fuzz_accessguard fuzz_clientmessage fuzz_wsframes fuzz_soundfile fuzz_settings fuzz_analyzer)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

cc=$(command -v clang-14 || command -v clang || true)
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ] || ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*,unsigned long){return 0;}' \
     | "$cxx" -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  echo "fuzz.sh: clang with libFuzzer not found (apt-get install clang-14 libclang-rt-14-dev): skipped" >&2
  exit 77
fi

build=${SPECTRAY_FUZZ_BUILD_DIR:-$src/build-fuzz}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" \
      -DCMAKE_CXX_COMPILER="$cxx" -DSPECTRAY_FUZZ=ON -DSPECTRAY_BUILD_TESTS=OFF -DSPECTRAY_BUILD_BENCH=OFF \
      "${launcher[@]}" >"$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 1; }
cmake --build "$build" -j"${SPECTRAY_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$src/tests/fuzz/lsan.supp:print_suppressions=0}"
export QT_LOGGING_RULES="*.warning=false" # repaired settings warn on every input
# One libFuzzer process per target, SPECTRAY_FUZZ_PARALLEL (default: the core count) at a time:
# each is single-threaded, so on 2 cores two targets finish in the time of one.
run_target() {
  local t=$1 name=${1#fuzz_}
  local work="$build/corpus/$name" log="$build/$1.log" rc stats execs
  mkdir -p "$work" "$build/findings"
  cp -n "$src/tests/fuzz/corpus/$name/"* "$work/" 2>/dev/null || true
  set +e
  "$build/tests/fuzz/$t" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/findings/$t-" >"$log" 2>&1
  rc=$?
  set -e
  stats=$(grep -E '^#[0-9]+' "$log" | tail -1 | awk '{print $1, $3, $4, $5, $6}')
  execs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  if [ "$rc" -eq 0 ]; then
    echo "fuzz.sh: $t ok: ${execs:-?} executions in ${seconds}s, last: $stats"
  else
    echo "fuzz.sh: $t FOUND A PROBLEM (exit $rc): see $log; reproducer in $build/findings/" >&2
    grep -E 'ERROR:|SUMMARY:|runtime error|Test unit written' "$log" | head -5 >&2
  fi
  return "$rc"
}

parallel=${SPECTRAY_FUZZ_PARALLEL:-$(nproc)}
failed=0
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
