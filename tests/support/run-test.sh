#!/usr/bin/env bash
# Runs one registered test and makes a skip visible to CTest (every test has SKIP_RETURN_CODE 77).
#   run-test.sh COMMAND ARGS...          run it; exit 77 if it passed but skipped anything
#   run-test.sh --missing "WHAT" NAME    stands in for a test that could not be registered because
#                                        WHAT is not installed: prints why and exits 77
# QtTest exits 0 when a test function calls QSKIP, and CTest's SKIP_REGULAR_EXPRESSION would mark
# the test skipped even when another function failed or it crashed, so the decision is made here:
# only a clean exit 0 with a "SKIP   :" line becomes 77. A partial skip counts as skipped (the
# output says which functions ran), so scripts/test.sh in CI (CI=true) fails on it.
set -u
if [ "${1:-}" = "--missing" ]; then
  echo "SKIP: ${3:-this test} not registered: ${2:-a tool} is not installed (scripts/install-deps.sh --test)"
  exit 77
fi
[ $# -gt 0 ] || { echo "usage: $0 COMMAND ARGS... | --missing WHAT NAME" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ] && grep -q '^SKIP   : ' "$log"; then
  echo "run-test.sh: $(grep -c '^SKIP   : ' "$log") test function(s) skipped: reporting the test as skipped (77)"
  exit 77
fi
exit "$status"
