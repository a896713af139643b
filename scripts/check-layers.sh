#!/bin/sh
# Checks the layer rule (issue 8): gui links neither engine nor net (nor dsp/capture, FFTW, libpulse),
# dsp and capture link no Qt, core links only QtCore; and no gui source includes a header of those
# layers. Reads the link graph CMake writes with --graphviz, from a throw-away configure.
# Usage: scripts/check-layers.sh [SOURCE_DIR]   (exit 0: rule holds, 1: violations listed)
set -eu
src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake -S "$src" -B "$tmp/build" -G Ninja --graphviz="$tmp/graph.dot" >"$tmp/configure.log" 2>&1 || {
    cat "$tmp/configure.log" >&2
    exit 2
}
status=0
# $1 target, $2 extended regex of what it must not reach (directly or through others).
forbid() {
    file="$tmp/graph.dot.$1"
    if [ ! -f "$file" ]; then
        echo "check-layers: no graph for $1" >&2
        status=1
        return
    fi
    found=$(grep -oE "// $1 -> .*|-> .*" "$file" | grep -oE "$2" | sort -u || true)
    if [ -n "$found" ]; then
        echo "check-layers: $1 reaches: $(echo "$found" | tr '\n' ' ')" >&2
        status=1
    fi
}
forbid spectray_gui 'spectray_(engine|net|dsp|capture)\b|PkgConfig::(FFTW3F?|PULSE)|Qt6::Multimedia'
# Qt6::moc/uic come through the common options target (AUTOMOC settings); they are tools, not links.
qtlibs='Qt6::(Core|Gui|Widgets|Network|WebSockets|Multimedia|OpenGL|OpenGLWidgets)\b'
forbid spectray_dsp "$qtlibs"
forbid spectray_capture "$qtlibs"
forbid spectray_core 'spectray_(dsp|capture|engine|net|gui|app)\b|Qt6::(Gui|Widgets|Network|WebSockets|Multimedia)\b'
includes=$(grep -rnE '#include "(engine|net|dsp|capture)/' "$src/src/gui" || true)
if [ -n "$includes" ]; then
    echo "check-layers: gui includes another layer's header:" >&2
    echo "$includes" >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "check-layers: gui links core and Qt only; dsp/capture link no Qt; core links QtCore only"
exit "$status"
