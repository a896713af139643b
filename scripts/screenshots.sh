#!/usr/bin/env bash
# Produces the README screenshots from the program itself under Xvfb (with trayer as tray host):
#   docs/screenshots/window-{bars,mirrored,curve,led}.png (frequency axis and dB grid on, the
#   default dB amplitude), tray-menu.png, and web-view.png (the web client the same app serves, in
#   headless Chromium through playwright-core: `npm ci` at the repo root; skipped without it).
# usage: scripts/screenshots.sh [BUILD_DIR]   (default: build). Runs the real `spectray` desktop mode.
# Needs: Xvfb, trayer, xdotool, imagemagick (scripts/install-deps.sh --test).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=$root/docs/screenshots
mkdir -p "$out"
app=$build/src/app/spectray
[ -x "$app" ] || { echo "build spectray first: cmake --build $build --target spectray" >&2; exit 1; }
for tool in Xvfb trayer xdotool import; do
  command -v $tool >/dev/null || { echo "missing $tool (scripts/install-deps.sh --test)" >&2; exit 1; }
done

if [ -z "${SPECTRAY_IN_XVFB:-}" ]; then
  SPECTRAY_IN_XVFB=1 exec "$root/tests/gui/run-under-xvfb.sh" --tray -- "$0" "$build"
fi

work=$(mktemp -d)
app_pid=
stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
trap 'stop_app; rm -rf "$work"' EXIT
port=$((20000 + $$ % 20000))

run_app() { # style meter
  local ini=$work/$1.ini
  # The LAN server listens on loopback only, on a port of its own.
  printf '[display]\nstyle=%s\nmeter=%s\naccent=%s\nfrequencyAxis=true\ndbGrid=true\n[%%General]\nfirstRunDone=true\n[audio]\nsource=demo\n[server]\nlanAccess=false\nport=%s\n' \
    "$1" "$2" "$3" "$port" >"$ini"
  "$app" --config "$ini" --source demo --show >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 100); do
    win=$(xdotool search --name '^Spectray spectrum$' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "window did not appear" >&2; cat "$work/app-$1.log" >&2; exit 1; }
  xdotool windowsize "$win" 640 190 windowmove "$win" 40 60
  sleep 2.5 # the demo source plays a few seconds of music-like signal
}

for spec in "bars bar #29b6f6" "mirrored none #e040fb" "curve needle #26d07c" "led bar #ffb300"; do
  set -- $spec
  run_app "$1" "$2" "$3"
  import -window "$win" "$out/window-$1.png"
  echo "wrote $out/window-$1.png"
  [ "$1" = led ] || stop_app
done

# The web client of the app still running (LED window), on loopback, where no token is asked for.
if (cd "$root" && node -e "require.resolve('playwright-core')") 2>/dev/null && [ -x /usr/bin/chromium ]; then
  (cd "$root" && node scripts/web-screenshot.mjs "http://127.0.0.1:$port/" "$out/web-view.png" 800x450)
else
  echo "web-view.png skipped: needs playwright-core (npm ci) and chromium" >&2
fi

# Tray menu: right click on the tray icon (trayer sits in the top-right corner), with the window.
read -r W H < <(xdpyinfo | awk '/dimensions:/ {split($2, a, "x"); print a[1], a[2]}')
xdotool mousemove $((W - 12)) 16 click 3
sleep 1
xdotool mousemove $((W - 60)) 60 # hover the first entry for a highlighted look
sleep 0.5
import -window root -crop 760x330+$((W - 760))+0 "$out/tray-menu.png"
echo "wrote $out/tray-menu.png"
stop_app
