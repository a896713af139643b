#!/usr/bin/env bash
# Installs everything the test suite needs (Debian packages, npm packages from package-lock.json),
# builds Spectray with warnings as errors, and runs every test: unit, integration (private
# PulseAudio daemons), gui (Xvfb), browser (headless Chromium), packaging (.deb, desktop and
# AppStream validation, the Windows MinGW cross-compile of the WASAPI backend), fuzz (libFuzzer).
#   scripts/test.sh            the whole suite in the shipped configuration (RelWithDebInfo)
#   scripts/test.sh --asan     the same suite in an AddressSanitizer + UBSan build (preset "asan"),
#                              without the checks that run no instrumented code (packaging, fuzz)
#   scripts/test.sh --ci       what CI runs (.ci/run): every test once. The suite in the ASan + UBSan
#                              build, then packaging and fuzz against a plain build of the shipped
#                              targets only (the test executables are not built twice; docs/testing.md)
#   scripts/test.sh -L unit    extra arguments go to ctest (here: only unit tests)
# With CI=true a skipped test fails the run, and so does a tests/**/tst_*.cpp that CTest does not
# list (a test left unregistered): in CI every tool is installed, so a skip hides a missing check.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=plain
case "${1:-}" in
  --asan) mode=asan; shift ;;
  --ci) mode=ci; shift ;;
esac

plain_dir=build-test
plain_args=(-S . -B "$plain_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPECTRAY_WERROR=ON)
asan_dir=build-asan
# -g1: line tables only. ASan and UBSan reports keep file:line; the build saves about a tenth.
asan_args=(--preset asan -DSPECTRAY_WERROR=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1)
# The checks that run no instrumented code: cpack + lintian of the binary, the MinGW cross-compile,
# Wine running the MinGW probe. The fuzz targets build their own clang ASan + UBSan binaries.
uninstrumented_labels='^(packaging|fuzz)$'
if command -v ccache >/dev/null 2>&1; then
  plain_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  asan_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

use_sanitizer_env() {
  # Mesa's llvmpipe leaks a little and is dlclosed, so LSan cannot attribute it (docs/testing.md).
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=0"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
}

# configure_and_build DIR ARGS_ARRAY_NAME [TARGET...]
configure_and_build() {
  local dir=$1; local -n args=$2; shift 2
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake "${args[@]}"
  cmake --build "$dir" -j"$(nproc)" "${targets[@]}"
}

junit_files=()
status=0
# run_ctest DIR NAME CTEST-ARGS...: one CTest run, its JUnit report kept for the CI gate.
run_ctest() {
  local dir=$1 name=$2; shift 2
  mkdir -p "$dir/junit"
  junit_files+=("$PWD/$dir/junit/$name.xml")
  ctest --test-dir "$dir" --output-on-failure --output-junit "$PWD/$dir/junit/$name.xml" "$@" || status=1
}

# run_suite DIR EXCLUDE_LABELS CTEST-ARGS...: unit tests are independent and quick, two at a time;
# the rest start daemons, displays and browsers, so they run one after another. Both runs happen
# even if the first fails.
run_suite() {
  local dir=$1 exclude=$2; shift 2
  rm -rf "$dir/junit"
  run_ctest "$dir" unit -L '^unit$' -j2 "$@"
  run_ctest "$dir" other -LE "$exclude" "$@"
}

start=$SECONDS
bash scripts/install-deps.sh --test
if [ -f package-lock.json ]; then
  # Browser and load tests drive Debian's chromium through playwright-core; no browser download.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
echo "test.sh: dependencies $((SECONDS - start)) s"

# suite_in DIR ARGS_ARRAY_NAME EXCLUDE_LABELS CTEST-ARGS...: build everything in DIR and run the suite.
suite_in() {
  local dir=$1 args=$2 exclude=$3; shift 3
  local t0=$SECONDS; configure_and_build "$dir" "$args"; local t1=$SECONDS
  run_suite "$dir" "$exclude" "$@"
  echo "test.sh ($dir): build $((t1 - t0)) s, tests $((SECONDS - t1)) s"
  report_dir=$dir
}

case "$mode" in
  plain) suite_in "$plain_dir" plain_args '^unit$' "$@" ;;
  asan) use_sanitizer_env; suite_in "$asan_dir" asan_args "^unit\$|$uninstrumented_labels" "$@" ;;
  ci)
    use_sanitizer_env
    suite_in "$asan_dir" asan_args "^unit\$|$uninstrumented_labels" "$@"
    # The fuzz script sets its own sanitizer options (scripts/fuzz.sh).
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
    t0=$SECONDS; configure_and_build "$plain_dir" plain_args spectray; t1=$SECONDS
    rm -rf "$plain_dir/junit"
    run_ctest "$plain_dir" uninstrumented -L "$uninstrumented_labels" "$@"
    echo "test.sh ($plain_dir, shipped targets only): build $((t1 - t0)) s, packaging + fuzz $((SECONDS - t1)) s"
    ;;
esac
echo "test.sh: total $((SECONDS - start)) s"

if [ "${CI:-}" = "true" ]; then
  gate=(--build "$report_dir")
  # Without a ctest filter from the caller, every registered test must have run in some CTest run.
  [ $# -eq 0 ] && [ "$mode" != asan ] && gate+=(--all-must-run)
  python3 scripts/check-test-report.py "${gate[@]}" --junit "${junit_files[@]}" || status=1
fi
exit "$status"
