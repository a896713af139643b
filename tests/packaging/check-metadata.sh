#!/usr/bin/env bash
# Validates the Linux desktop integration files as installed: desktop entries, AppStream metainfo
# (offline), and the hicolor icon set.
#   check-metadata.sh SOURCE_DIR BINARY_DIR   (ctest passes both)
set -euo pipefail
src="$1"; bin="$2"
id=io.github.spectray.Spectray
for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (desktop-file-utils, appstream)"; exit 77; }
done
fail=0
check() { local what="$1"; shift; if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi; }

check "desktop entry validates" desktop-file-validate "$src/packaging/linux/$id.desktop"
check "autostart template validates" desktop-file-validate "$src/packaging/linux/$id-autostart.desktop"
check "autostart template starts spectray from PATH" grep -q '^Exec=spectray$' "$src/packaging/linux/$id-autostart.desktop"
check "metainfo validates (appstreamcli --no-net)" appstreamcli validate --no-net "$bin/packaging/$id.metainfo.xml"
check "metainfo launchable matches the desktop file" grep -q "<launchable type=\"desktop-id\">$id.desktop<" "$bin/packaging/$id.metainfo.xml"
check "metainfo has screenshots" grep -q '<image>https://.*/docs/screenshots/.*\.png</image>' "$bin/packaging/$id.metainfo.xml"
check "no unconfigured @VARS@ left" bash -c "! grep -q '@[A-Z_]*@' '$bin/packaging/$id.metainfo.xml'"

# Icons: every size present, a real PNG of exactly that size (bytes 16-23 of the IHDR chunk).
for size in 16 22 24 32 48 64 128 256; do
  png="$src/packaging/icons/hicolor/${size}x${size}/apps/$id.png"
  dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
  check "icon ${size}x${size} is a ${size}x${size} PNG" test "$dims" = "${size}x${size}"
done
check "scalable icon is SVG" grep -q '<svg' "$src/packaging/icons/hicolor/scalable/apps/$id.svg"
check "desktop Icon= names the icon" grep -q "^Icon=$id$" "$src/packaging/linux/$id.desktop"
# Flatpak manifest: at least well-formed YAML with the right id and runtime (flatpak-builder is not here).
if python3 -c 'import yaml' 2>/dev/null; then
  check "flatpak manifest parses, id and KDE 6 runtime" python3 -c "
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
assert d['id'] == '$id' and d['runtime'] == 'org.kde.Platform' and str(d['runtime-version']).startswith('6')
assert d['modules'][-1]['name'] == 'spectray'" "$src/packaging/flatpak/$id.yml"
elif [ "$fail" = 0 ]; then
  echo "SKIP: python3-yaml not installed: the Flatpak manifest was not checked"; exit 77
fi
exit $fail
