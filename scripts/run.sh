#!/usr/bin/env bash
# Quick start: installs what Spectray needs (Debian packages), builds it, and starts it.
# Arguments are passed to spectray, e.g.  scripts/run.sh --headless   or   scripts/run.sh --source demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPECTRAY_BUILD_TESTS=OFF -DSPECTRAY_BUILD_BENCH=OFF
cmake --build build -j"$(nproc)"
exec build/src/app/spectray "$@"
