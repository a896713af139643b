#!/usr/bin/env bash
# Runs one command on a private Xvfb display (xcb platform, so QOpenGLWidget works through Mesa's
# llvmpipe) inside its own D-Bus session, then stops what it started, by PID.
#   run-under-xvfb.sh [--tray] [--screenshot FILE] -- command args...
# --tray starts trayer as a system tray host. Xvfb picks a free display itself (-displayfd).
set -u
tray=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tray) tray=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--tray] -- command..." >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb not installed (scripts/install-deps.sh --test)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
exec 3>&-
for _ in $(seq 200); do [ -s "$work/display" ] && break; sleep 0.05; done
display=$(head -1 "$work/display" | tr -d '[:space:]')
[ -n "$display" ] || { echo "Xvfb did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$display"
export QT_QPA_PLATFORM=xcb
unset WAYLAND_DISPLAY

if [ "$tray" = 1 ]; then
  trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    --transparent false >"$work/trayer.log" 2>&1 &
  pids+=($!)
  sleep 0.5
fi

# SPECTRAY_TEST_PRELOAD (set by sanitizer builds) is preloaded into the test program only, not into
# Xvfb, trayer or dbus, which would otherwise run with the ASan runtime and report their own leaks.
run_test=("$@")
if [ -n "${SPECTRAY_TEST_PRELOAD:-}" ]; then
  run_test=(env "LD_PRELOAD=$SPECTRAY_TEST_PRELOAD" "$@")
fi
if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "${run_test[@]}"
else
  "${run_test[@]}"
fi
exit $?
