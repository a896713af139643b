#!/usr/bin/env bash
# Builds the .deb with CPack, runs lintian on it, unpacks it with dpkg -x into a scratch folder and
# runs the unpacked binary (--version, --analyze on a generated WAV).
#   check-deb.sh BINARY_DIR SPECTRAY_EXE   (SPECTRAY_EXE empty: the app target does not exist yet)
# Exit 77 = skipped (ctest SKIP_RETURN_CODE).
set -euo pipefail
bin="$1"; exe="${2:-}"
if [ -z "$exe" ] || [ ! -x "$exe" ]; then
  echo "SKIP: the spectray executable is not built yet ('${exe}'); build it, then rerun this test"
  exit 77
fi
for tool in cpack dpkg-deb dpkg-shlibdeps lintian python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

echo "== cpack -G DEB"
cpack -G DEB --config "$bin/CPackConfig.cmake" -B "$scratch/out" > "$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/out/*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -f "$deb" Package Version Architecture Depends
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in *libqt6core6*libc6*|*libc6*libqt6core6*) ;; *) echo "FAIL Depends was not computed by dpkg-shlibdeps: '$depends'"; exit 1 ;; esac
for f in ./usr/bin/spectray ./usr/libexec/spectray/spectray-cli ./usr/share/applications/io.github.spectray.Spectray.desktop \
         ./usr/share/metainfo/io.github.spectray.Spectray.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.spectray.Spectray.svg \
         ./usr/share/icons/hicolor/48x48/apps/io.github.spectray.Spectray.png \
         ./usr/share/doc/spectray/copyright; do
  dpkg-deb -c "$deb" | awk '{print $6}' | grep -qx "$f" || { echo "FAIL $f missing from the package"; exit 1; }
done
echo "ok   package contents"

echo "== lintian"
# --fail-on error: warnings (no manual page, ...) are reported but do not fail the test.
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$scratch/lintian.txt" || { echo "FAIL lintian reported errors"; exit 1; }
echo "ok   lintian: $(grep -c '^E:' "$scratch/lintian.txt" || true) errors, $(grep -c '^W:' "$scratch/lintian.txt" || true) warnings"

echo "== dpkg -x and run"
dpkg -x "$deb" "$scratch/root"
app="$scratch/root/usr/bin/spectray"
export QT_QPA_PLATFORM=offscreen
version=$("$app" --version 2>&1)
echo "$version"
case "$version" in *"$(dpkg-deb -f "$deb" Version)"*) ;; *) echo "FAIL --version does not print the package version"; exit 1 ;; esac

# One second of a 1 kHz sine at 48 kHz, 16-bit stereo, written with the standard library only.
python3 - "$scratch/tone.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(2); w.setsampwidth(2); w.setframerate(48000)
    w.writeframes(b"".join(struct.pack("<hh", s, s) for s in
                  (int(16384 * math.sin(2 * math.pi * 1000 * n / 48000)) for n in range(48000))))
PY
# The debug log says so when spectray cannot hand the run to its console helper (libexec/spectray/).
QT_LOGGING_RULES="spectray.app.debug=true" timeout 60 "$app" --analyze "$scratch/tone.wav" \
  > "$scratch/analyze.jsonl" 2> "$scratch/analyze.err" || {
  echo "FAIL --analyze exited $?"; cat "$scratch/analyze.err"; exit 1; }
if grep -q "in-process" "$scratch/analyze.err"; then
  echo "FAIL the unpacked spectray did not run its console helper:"; cat "$scratch/analyze.err"; exit 1
fi
echo "ok   --analyze ran in usr/libexec/spectray/spectray-cli"
lines=$(grep -c '^{' "$scratch/analyze.jsonl" || true)
echo "--analyze printed $lines JSON lines"
[ "$lines" -gt 0 ] || { echo "FAIL no JSON output"; head -5 "$scratch/analyze.jsonl"; cat "$scratch/analyze.err"; exit 1; }
python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.startswith('{')]" "$scratch/analyze.jsonl" \
  || { echo "FAIL output is not valid JSON lines"; exit 1; }
echo "ok   unpacked binary runs"
