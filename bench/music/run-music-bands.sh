#!/bin/sh
# Per-band mean and spread of real recorded music, before (linear, flat) and after (the defaults, or
# the options given), on recordings Debian packages ship:
#   apt-get install fretsonfire-songs-sectoid drascula-music
#   bench/music/run-music-bands.sh [build-dir] [--weighting tilt3 ...]
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
exe="$build/bench/music_bands"
[ -x "$exe" ] || { echo "build the music_bands target first (cmake --build $build --target music_bands)" >&2; exit 2; }
s=/usr/share/games/fretsonfire/data/songs/sectoid
d=/usr/share/scummvm/drascula/audio
exec "$exe" "$@" "$s/Metal madness/song.ogg" "$s/Feelings/song.ogg" "$s/War of freedom/song.ogg" \
    "$d/track1.ogg" "$d/track2.ogg" "$d/track5.ogg"
