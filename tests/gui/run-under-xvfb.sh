#!/usr/bin/env bash
# Runs one command on a private Xvfb display (xcb platform, so QOpenGLWidget works through Mesa's
# llvmpipe) inside its own D-Bus session, then stops what it started, by PID.
#   run-under-xvfb.sh [--tray|--sni] [--wm] -- command args...
# --tray starts trayer, an XEmbed system tray host.
# --sni  starts xfce4-panel with only its status tray plugin, a StatusNotifierItem host: it owns
#        org.kde.StatusNotifierWatcher on the private session bus, so Qt shows the icon over D-Bus
#        (as on KDE, GNOME with AppIndicator and XFCE). Its configuration is written to a temporary
#        XDG_CONFIG_HOME; the bus (and xfconfd, which it starts) only live for this run.
# --wm   starts openbox, an EWMH window manager that honours _NET_WM_STRUT_PARTIAL (docking tests).
# Xvfb picks a free display itself (-displayfd). Exit 77 (skipped) if the tray host is missing.
set -u
tray=0
sni=0
wm=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tray) tray=1; shift ;;
    --sni) sni=1; shift ;;
    --wm) wm=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--tray|--sni] -- command..." >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb not installed (scripts/install-deps.sh --test)" >&2; exit 1; }
if [ "$tray" = 1 ] && ! command -v trayer >/dev/null; then echo "SKIP: trayer is not installed"; exit 77; fi
if [ "$wm" = 1 ] && ! command -v openbox >/dev/null; then echo "SKIP: openbox is not installed"; exit 77; fi
if [ "$sni" = 1 ]; then
  for tool in xfce4-panel dbus-daemon gdbus; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh --test)"; exit 77; }
  done
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  # (xfconfd, which the private bus activated, exits when it loses the bus.)
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

if [ "$wm" = 1 ]; then
  # An empty config dir: openbox's defaults (no autostart, no menus from the system) are enough.
  export XDG_CONFIG_HOME="${XDG_CONFIG_HOME:-$work/config}"
  openbox --sm-disable >"$work/openbox.log" 2>&1 &
  pids+=($!)
  # It is running once it owns the WM selection; 10 s is a hang guard (it takes ~0.2 s here).
  up=0
  for _ in $(seq 100); do
    if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then up=1; break; fi
    sleep 0.1
  done
  [ "$up" = 1 ] || { echo "SKIP: openbox did not start:"; cat "$work/openbox.log"; exit 77; }
fi

if [ "$tray" = 1 ]; then
  trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    --transparent false >"$work/trayer.log" 2>&1 &
  pids+=($!)
  sleep 0.5
fi

if [ "$sni" = 1 ]; then
  # One panel at the top with the status tray only. xfconfd is D-Bus activated and inherits the
  # bus daemon's environment, so XDG_CONFIG_HOME is exported before the bus starts.
  export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
  mkdir -p "$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
  cp "$(dirname "$0")/sni-panel.xml" "$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml"
  # No accessibility bus: GTK would start at-spi-bus-launcher, which outlives our bus.
  export NO_AT_BRIDGE=1 GTK_A11Y=none
  # The bus is our child (not --fork), so a CTest timeout that kills this script's process tree
  # takes it too.
  dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$work/bus.address" >"$work/bus.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do [ -s "$work/bus.address" ] && break; sleep 0.05; done
  DBUS_SESSION_BUS_ADDRESS=$(head -1 "$work/bus.address")
  [ -n "$DBUS_SESSION_BUS_ADDRESS" ] || { echo "dbus-daemon did not start" >&2; cat "$work/bus.log" >&2; exit 1; }
  export DBUS_SESSION_BUS_ADDRESS
  xfce4-panel --disable-wm-check >"$work/panel.log" 2>&1 &
  pids+=($!)
  # The watcher appears once the plugin is loaded (typically 1-6 s here); 60 s is a hang guard.
  watcher=0
  for _ in $(seq 300); do
    if gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher \
        -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher IsStatusNotifierHostRegistered \
        2>/dev/null | grep -q true; then watcher=1; break; fi
    sleep 0.2
  done
  [ "$watcher" = 1 ] || { echo "xfce4-panel's status tray registered no StatusNotifierWatcher:" >&2; cat "$work/panel.log" >&2; exit 1; }
fi

# SPECTRAY_TEST_PRELOAD (set by sanitizer builds) is preloaded into the test program only, not into
# Xvfb, trayer or dbus, which would otherwise run with the ASan runtime and report their own leaks.
run_test=("$@")
if [ -n "${SPECTRAY_TEST_PRELOAD:-}" ]; then
  run_test=(env "LD_PRELOAD=$SPECTRAY_TEST_PRELOAD" "$@")
fi
if [ "$sni" = 1 ]; then
  "${run_test[@]}"
elif command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "${run_test[@]}"
else
  "${run_test[@]}"
fi
exit $?
