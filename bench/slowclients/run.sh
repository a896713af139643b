#!/usr/bin/env bash
# Slow-client figures (issue #9 item 5): runs tests/net/tst_slowclients with more probes and prints
# its measurements: probes from a clean address (127.0.0.99) answered within 1 s, their median and
# p95 latency, and the share of frames a streaming client kept, under 300 slow connections from
# one address and under 50 from each of 127.0.0.2..21. Targets: >= 95 % and >= 95 %.
#   bench/slowclients/run.sh [BUILD_DIR] [PROBES]      defaults: build, 100
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
bin="$build/tests/net/tst_slowclients"
[ -x "$bin" ] || { echo "no $bin (build the tst_slowclients target)" >&2; exit 2; }
SPECTRAY_SLOW_PROBES="${2:-100}" "$bin" 2>&1 | sed -n 's/^QINFO  : TestSlowClients::[A-Za-z0-9]*() \(.*probes answered.*\)$/\1/p'
