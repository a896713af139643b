#!/usr/bin/env bash
# The real spectray in a Wayland session: a private headless weston (Debian's weston, headless
# backend) and Qt's wayland plugin (qt6-wayland).
#   1. WAYLAND_DISPLAY only (no XWayland): spectray runs on Wayland, says in the log what Wayland
#      does not allow (on top, placing, docking), shows its window, and the window draws: the log
#      says so and weston's own screenshot (weston-screenshooter) holds the accent colour of the bars.
#   2. WAYLAND_DISPLAY and DISPLAY (XWayland; an Xvfb stands in for it here, the choice depends only
#      on the two variables): spectray picks xcb by itself and says so; the window draws.
# The LAN server is off (settings file), the source is the built-in demo: no network, no audio.
#   run-under-xvfb.sh --sni -- wayland_session.sh SPECTRAY_BINARY
# (the Xvfb of run-under-xvfb.sh, in DISPLAY, is the stand-in for XWayland in part 2; its
# xfce4-panel status tray is the StatusNotifierItem host that part 1's tray icon must reach).
# Exit 0 pass, 1 fail, 77 skipped (weston or the wayland plugin missing / cannot start here).
set -u
bin="$1"
[ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] \
  || { echo "usage: run-under-xvfb.sh --sni -- $0 SPECTRAY_BINARY" >&2; exit 2; }
xdisplay="$DISPLAY"
for tool in weston weston-screenshooter convert gdbus; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh --test)"; exit 77; }
done

work=$(mktemp -d)
weston_pid=""
cleanup() {
  [ -n "$weston_pid" ] && { kill "$weston_pid" 2>/dev/null; wait "$weston_pid" 2>/dev/null; }
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }

export XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
# --use-pixman: the headless backend's default renderer draws nothing (no screenshot possible);
# --debug exposes weston's screenshooter protocol; idle-time 0: the output never blanks.
weston --backend=headless-backend.so --use-pixman --socket=spectray-wl --idle-time=0 --width=1024 --height=768 --debug \
  >"$work/weston.log" 2>&1 &
weston_pid=$!
for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/spectray-wl" ] && break; sleep 0.1; done
if [ ! -S "$XDG_RUNTIME_DIR/spectray-wl" ]; then
  echo "SKIP: headless weston did not start here:"; tail -5 "$work/weston.log"; exit 77
fi
echo "weston: $(head -1 "$work/weston.log" | tr -s ' ')"

# Pixels near the bars' accent colour (#29b6f6, the default) in a screenshot.
accent_pixels() {
  convert "$1" -fuzz 20% -fill black +opaque '#29b6f6' -fill white -opaque '#29b6f6' \
    -colorspace gray -format '%[fx:round(mean*w*h)]' info:
}
# weston's own desktop first, without spectray: the baseline the window must add to.
mkdir "$work/before"
(cd "$work/before" && WAYLAND_DISPLAY=spectray-wl timeout 10 weston-screenshooter >/dev/null 2>&1)
before=$(ls "$work"/before/wayland-screenshot*.png 2>/dev/null | head -1)
[ -n "$before" ] || fail "weston-screenshooter wrote no screenshot of the empty desktop"
baseline=$(accent_pixels "$before")

# run_spectray NAME [VAR=VALUE ...]: starts spectray with the given environment, waits (30 s at most)
# until its log says the window was drawn and capture runs, then asks it to quit (SIGTERM: the Quit path).
run_spectray() {
  local name="$1"; shift
  printf '[server]\nenabled=false\n' >"$work/$name.ini"
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@" \
    QT_LOGGING_RULES="spectray.*.debug=true" \
    "$bin" --config "$work/$name.ini" --source demo --show >"$work/$name.log" 2>&1 &
  local pid=$!
  local drawn=0
  for _ in $(seq 300); do
    grep -q "Spectrum window drawn" "$work/$name.log" && grep -q "state running" "$work/$name.log" \
      && { drawn=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if grep -q 'Could not find the Qt platform plugin "wayland"' "$work/$name.log"; then
    kill "$pid" 2>/dev/null; echo "SKIP: Qt's wayland plugin is not installed (qt6-wayland)"; exit 77
  fi
  # The tray icon: Qt registers a StatusNotifierItem over D-Bus whatever the display protocol, so
  # under run-under-xvfb.sh --sni (xfce4-panel's status tray as the host) it must show up.
  tray_items=""
  if [ "$drawn" = 1 ] && [ -n "${WANT_TRAY:-}" ]; then
    for _ in $(seq 100); do
      tray_items=$(gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher \
        -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems \
        2>/dev/null | grep -o "'[^']*'" || true)
      [ -n "$tray_items" ] && break
      sleep 0.1
    done
    echo "$name: StatusNotifierItems registered: ${tray_items:-none}"
  fi
  if [ "$drawn" = 1 ] && [ -n "${SHOT:-}" ]; then
    sleep 1.5 # demo frames flowing: the bars have risen
    (cd "$work" && WAYLAND_DISPLAY=spectray-wl timeout 10 weston-screenshooter >/dev/null 2>&1)
  fi
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "--- $name: spectray log"
  cat "$work/$name.log"
  [ "$drawn" = 1 ] || fail "$name: the window was not drawn within 30 s"
}

# 1. Wayland only.
WANT_TRAY=1 SHOT=1 run_spectray wayland WAYLAND_DISPLAY=spectray-wl
[ -n "$tray_items" ] || fail "wayland: no tray icon registered with the StatusNotifierItem host"
grep -q "Wayland session without XWayland" "$work/wayland.log" || fail "wayland: the log does not say what Wayland allows"
grep -q "(Qt platform: wayland)" "$work/wayland.log" || fail "wayland: did not run on the wayland platform"
grep -q "Spectrum window drawn: .*Qt platform wayland" "$work/wayland.log" || fail "wayland: not drawn on wayland"
shot=$(ls "$work"/wayland-screenshot*.png 2>/dev/null | head -1)
[ -n "$shot" ] || fail "wayland: weston-screenshooter wrote no screenshot"
accent=$(accent_pixels "$shot")
echo "wayland: weston's screenshot $(identify -format '%wx%h' "$shot") has $accent accent-coloured pixels (empty desktop: $baseline)"
[ $((accent - baseline)) -ge 500 ] || fail "wayland: the bars are not on weston's screen"


# 2. Wayland with XWayland: xcb is chosen automatically.
run_spectray xwayland WAYLAND_DISPLAY=spectray-wl DISPLAY="$xdisplay"
grep -q "Wayland session: using XWayland (xcb)" "$work/xwayland.log" || fail "xwayland: the choice is not in the log"
grep -q "(Qt platform: xcb)" "$work/xwayland.log" || fail "xwayland: did not run on xcb"
echo "PASS: Wayland-only session runs natively, draws and shows its tray icon (StatusNotifierItem);" \
     "with XWayland it picks xcb by itself"
