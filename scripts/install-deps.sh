#!/usr/bin/env bash
# Installs every Debian package Spectray needs to build, run and test.
# Idempotent and non-interactive; run as root or with sudo. Debian 12 (bookworm) is the floor.
#   scripts/install-deps.sh            build + run dependencies
#   scripts/install-deps.sh --test     also what the test suite needs (Xvfb, PulseAudio tools, Chromium,
#                                      tray hosts: trayer for XEmbed, xfce4-panel for StatusNotifierItem, ...)
set -euo pipefail

want_test=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps.sh: run as root or install sudo" >&2; exit 1; fi
fi

build_pkgs=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-multimedia-dev qt6-websockets-dev
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools libqt6svg6
  libfftw3-dev libpulse-dev libsndfile1-dev libqrcodegencpp-dev libmosquitto-dev
  libgl1-mesa-dri fonts-dejavu-core qt6-qpa-plugins
  # Qt's own translations (qtbase_ru.qm, qtbase_de.qm): standard buttons such as "Close" in the user's language.
  qt6-translations-l10n
  libxcb1-dev qt6-wayland
)
# Every tool a test uses is listed: in CI (CI=true) a test skipped for a missing tool fails the run.
test_pkgs=(
  pulseaudio pulseaudio-utils sox libsox-fmt-base xvfb xauth dbus-x11 dbus-daemon trayer xdotool imagemagick
  x11-utils python3 python3-numpy python3-yaml libbenchmark-dev chromium iproute2 mosquitto mosquitto-clients
  xfce4-panel xfconf libglib2.0-bin
  # Docking under a window manager that honours struts; the Wayland session test (headless weston).
  openbox weston
  desktop-file-utils appstream lintian dpkg-dev file
  g++-mingw-w64-x86-64-posix mingw-w64-x86-64-dev wine64
  zbar-tools
  # Real recorded music for tests/dsp/tst_musicalive and bench/music (rock/metal; game score).
  fretsonfire-songs-sectoid drascula-music
  # bench/vs-cava compares Spectray with the terminal visualiser people know (Debian's CAVA).
  cava
  # bench/footprint counts the cache lines a frame touches under valgrind's lackey tool.
  valgrind
  clang-14 libclang-rt-14-dev
)

pkgs=("${build_pkgs[@]}")
if [ "$want_test" = 1 ]; then
  pkgs+=("${test_pkgs[@]}")
  # Browser and load tests drive Chromium from Node. Some images ship a nodejs build that bundles
  # npm (and conflicts with Debian's npm package), so ask for Debian's only when the commands are missing.
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi

# Skip apt entirely when everything is already there (fast re-runs, no network needed).
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps.sh: all ${#pkgs[@]} packages already installed"
  exit 0
fi
echo "install-deps.sh: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
