#!/usr/bin/env bash
# Installs everything the test suite needs (Debian packages, npm packages from package-lock.json),
# builds Spectray with warnings as errors, and runs every test: unit, integration (private
# PulseAudio daemons), gui (Xvfb), browser (headless Chromium), packaging (.deb, desktop and
# AppStream validation, the Windows MinGW cross-compile of the WASAPI backend).
#   scripts/test.sh            the whole suite (what CI runs, followed by --asan: .ci/run)
#   scripts/test.sh --asan     the same suite in an AddressSanitizer + UBSan build (preset "asan")
#   scripts/test.sh -L unit    extra arguments go to ctest (here: only unit tests)
# With CI=true a skipped test fails the run, and so does a tests/**/tst_*.cpp that CTest does not
# list (a test left unregistered): in CI every tool is installed, so a skip hides a missing check.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build-test
cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPECTRAY_WERROR=ON)
# Labels (regex) and tests left out of the non-unit run.
exclude_labels='^unit$'
exclude_tests=()
if [ "${1:-}" = "--asan" ]; then
  shift
  build_dir=build-asan
  cmake_args=(--preset asan -DSPECTRAY_WERROR=ON)
  # The packaging checks run no instrumented code (cpack + lintian of the binary, the MinGW
  # cross-compile, Wine running the MinGW probe): the plain run covers them, this one skips their
  # minutes (CI time, docs/testing.md). The fuzz targets build their own ASan+UBSan binaries and
  # ran in the plain run already.
  exclude_labels='^(unit|packaging|fuzz)$'
  exclude_tests=(-E '^wasapi_wine_probe$')
  # Mesa's llvmpipe leaks a little and is dlclosed, so LSan cannot attribute it (see docs/testing.md).
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=0"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
fi
if command -v ccache >/dev/null 2>&1; then
  cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

start=$SECONDS
bash scripts/install-deps.sh --test
if [ -f package-lock.json ]; then
  # Browser and load tests drive Debian's chromium through playwright-core; no browser download.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${cmake_args[0]}" = "--preset" ]; then
  cmake "${cmake_args[@]}"
else
  cmake -S . -B "$build_dir" "${cmake_args[@]}"
fi
cmake --build "$build_dir" -j"$(nproc)"
built=$SECONDS

# Unit tests are independent and quick: run them two at a time. The rest start daemons, displays
# and browsers, so they run one after another. Both runs happen even if the first fails.
junit="$PWD/$build_dir/junit"
rm -rf "$junit" && mkdir -p "$junit"
status=0
ctest --test-dir "$build_dir" --output-on-failure -L unit -j2 --output-junit "$junit/unit.xml" "$@" || status=1
ctest --test-dir "$build_dir" --output-on-failure -LE "$exclude_labels" "${exclude_tests[@]}" --output-junit "$junit/other.xml" "$@" || status=1
echo "test.sh ($build_dir): build $((built - start)) s, tests $((SECONDS - built)) s"

if [ "${CI:-}" = "true" ]; then
  python3 scripts/check-test-report.py --build "$build_dir" --junit "$junit"/*.xml || status=1
fi
exit "$status"
