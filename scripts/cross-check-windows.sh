#!/usr/bin/env bash
# CI step: cross-compiles the Qt-free part of the Windows build (capture interface, WASAPI backend,
# console probe, and the docked strip's AppBar code) with Debian's MinGW-w64 (posix threads), warnings as errors, links the probe and
# checks which DLLs the .exe imports. Debian has no Qt/FFTW for MinGW, so the GUI is not built here.
#   scripts/cross-check-windows.sh [--out DIR] [--wine]
#     --out DIR  keep objects and spectray-wasapi-probe.exe in DIR (default: a temp dir, removed)
#     --wine     also run `--list-devices` under wine64 if it is installed (informational only:
#                Wine 8 has no loopback capture, so the probe's capture path is not exercised)
# Exit status: 0 ok, 1 compile/link/import check failed, 77 toolchain missing (skip).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out=""
run_wine=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --wine) run_wine=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "cross-check-windows.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

CXX="${MINGW_CXX:-x86_64-w64-mingw32-g++-posix}"
OBJDUMP="${MINGW_OBJDUMP:-x86_64-w64-mingw32-objdump}"
if ! command -v "$CXX" >/dev/null 2>&1 || ! command -v "$OBJDUMP" >/dev/null 2>&1; then
  echo "cross-check-windows.sh: SKIP: $CXX / $OBJDUMP not installed (g++-mingw-w64-x86-64-posix, binutils-mingw-w64-x86-64)" >&2
  exit 77
fi

if [ -z "$out" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

# The same warnings as cmake/SpectrayOptions.cmake, plus -Werror.
flags=(-std=c++20 -O2 -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Werror
       -DUNICODE -D_UNICODE -DWIN32_LEAN_AND_MEAN -DNOMINMAX -I"$repo/src")
sources=(
  src/capture/wasapi/sampleconvert.cpp
  src/capture/wasapi/comsupport.cpp
  src/capture/wasapi/wasapidevices.cpp
  src/capture/wasapi/devicenotifier.cpp
  src/capture/wasapi/capturestream.cpp
  src/capture/wasapi/processloopback.cpp
  src/capture/wasapi/appcapture.cpp
  src/capture/wasapi/wasapibackend.cpp
  src/capture/wasapi/probe/main.cpp
)

echo "== compiler: $("$CXX" --version | head -1)"
# The interface header must stand alone (no Qt, no platform headers).
printf '#include "capture/audiobackend.h"\n' > "$out/interface_check.cpp"
"$CXX" "${flags[@]}" -fsyntax-only "$out/interface_check.cpp"
echo "ok   src/capture/audiobackend.h (standalone)"

objs=()
for src in "${sources[@]}"; do
  obj="$out/$(basename "${src%.cpp}").o"
  "$CXX" "${flags[@]}" -c "$repo/$src" -o "$obj"
  objs+=("$obj")
  echo "ok   $src"
done

exe="$out/spectray-wasapi-probe.exe"
# Static runtime: the probe is a single file to copy onto a Windows machine.
# ole32: COM; ksuser: KSDATAFORMAT_SUBTYPE_* GUIDs (see docs/building.md).
"$CXX" -o "$exe" "${objs[@]}" -static -static-libgcc -static-libstdc++ -lole32 -lksuser
echo "ok   linked $(basename "$exe") ($(stat -c %s "$exe") bytes)"

"$OBJDUMP" -p "$exe" > "$out/imports.txt"
mapfile -t dlls < <(awk '/DLL Name:/ {print tolower($3)}' "$out/imports.txt" | sort -u)
echo "imports: ${dlls[*]}"
allowed=" kernel32.dll msvcrt.dll ole32.dll user32.dll advapi32.dll "
bad=0
for d in "${dlls[@]}"; do
  case "$allowed" in *" $d "*) ;; *) echo "FAIL unexpected import $d (a MinGW runtime DLL would have to ship with the .exe)"; bad=1 ;; esac
done
case " ${dlls[*]} " in *" ole32.dll "*) ;; *) echo "FAIL ole32.dll is not imported: COM code missing?"; bad=1 ;; esac
for sym in CoCreateInstance CoInitializeEx CreateEventW WaitForMultipleObjects; do
  if ! grep -qw "$sym" "$out/imports.txt"; then echo "FAIL $sym not imported"; bad=1; fi
done
[ "$bad" = 0 ] || exit 1
echo "ok   import table"

# The docked strip's AppBar (src/gui/dock/win): Qt-free, so it is compiled and linked here too, into
# a small check program of its own (the probe must not import shell32).
appbar_obj="$out/appbar.o"
"$CXX" "${flags[@]}" -c "$repo/src/gui/dock/win/appbar.cpp" -o "$appbar_obj"
echo "ok   src/gui/dock/win/appbar.cpp"
cat > "$out/appbar_check.cpp" <<'CPP'
#include "gui/dock/win/appbar.h"
int main()
{
    using namespace spectray::gui::dock::win;
    AppBar bar; // no window: every call must be a safe no-op
    const BarRect r = bar.place(BarEdge::Top, BarRect{0, 0, 1920, 1080}, BarRect{0, 0, 1920, 64}, 64);
    return (r.bottom == 64 && !bar.registered() && AppBar::registerCallbackMessage() != 0) ? 0 : 1;
}
CPP
"$CXX" "${flags[@]}" -c "$out/appbar_check.cpp" -o "$out/appbar_check.o"
"$CXX" -o "$out/spectray-appbar-check.exe" "$out/appbar_check.o" "$appbar_obj" -static -static-libgcc \
  -static-libstdc++ -lshell32 -luser32
"$OBJDUMP" -p "$out/spectray-appbar-check.exe" > "$out/appbar-imports.txt"
for sym in SHAppBarMessage RegisterWindowMessageW; do
  if ! grep -qw "$sym" "$out/appbar-imports.txt"; then echo "FAIL $sym not imported by the AppBar check"; exit 1; fi
done
echo "ok   linked spectray-appbar-check.exe (imports SHAppBarMessage, RegisterWindowMessageW)"

# Its Qt side (the native event filter) cannot be built without a Windows Qt, but it can be parsed:
# a syntax-only pass with the host's Qt headers (they are the same for every platform but qconfig)
# catches typos and API misuse in code no Linux build compiles.
qt_inc="$(qmake6 -query QT_INSTALL_HEADERS 2>/dev/null || echo /usr/include/x86_64-linux-gnu/qt6)"
if [ -f "$qt_inc/QtWidgets/QWidget" ]; then
  "$CXX" "${flags[@]}" -fsyntax-only -isystem "$qt_inc" -isystem "$qt_inc/QtCore" -isystem "$qt_inc/QtGui" \
    -isystem "$qt_inc/QtWidgets" "$repo/src/gui/dock/edgereservation_win.cpp"
  echo "ok   src/gui/dock/edgereservation_win.cpp (syntax, host Qt headers)"
  # The console's and the LAN server's Windows code (stdout writer, console helper, socket send).
  for f in src/app/platform/win/platform_win.cpp src/net/socketsend_win.cpp; do
    "$CXX" "${flags[@]}" -fsyntax-only -isystem "$qt_inc" -isystem "$qt_inc/QtCore" -isystem "$qt_inc/QtNetwork" "$repo/$f"
    echo "ok   $f (syntax, host Qt headers)"
  done
else
  echo "note: no Qt headers found; src/gui/dock/edgereservation_win.cpp not parsed"
fi

if [ "$run_wine" = 1 ]; then
  wine=""
  for w in wine64 /usr/lib/wine/wine64 wine; do command -v "$w" >/dev/null 2>&1 && { wine="$w"; break; }; done
  if [ -z "$wine" ]; then
    echo "wine: not installed, --list-devices not run"
  else
    echo "== wine ($wine): spectray-wasapi-probe --list-devices (informational)"
    WINEDEBUG=-all WINEPREFIX="$out/wineprefix" timeout 120 "$wine" "$exe" --list-devices || \
      echo "wine: probe exited $? (no endpoints without a PulseAudio server; see docs/building.md)"
  fi
fi
echo "cross-check-windows: PASS"
