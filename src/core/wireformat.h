#pragma once

#include "bandlayout.h"
#include "spectrumframe.h"
#include "wirescale.h"

#include <QByteArray>
#include <QJsonObject>

namespace spectray::wire {

// JSON forms shared by the LAN server and `spectray --analyze/--print-frames`, so both print the
// very same object. See docs/protocol.md.

// {"type":"frame","seq":N,"t":S,["ts":MS,]["play_ts":MS,]"frequencies":[...],"bass":B,"level":L,
//  "scale":kScale}
// The seed's four fields are unchanged, so clients written for the seed keep working.
// "ts" (wall clock) is written only when the frame has one (live capture), "play_ts" (when its
// newest sample will be heard) only when it is known.
// Replaces `out` with the frame's JSON, reusing its capacity: no allocation once it has held one
// frame of the most bands (the LAN server and `--print-frames` keep one buffer for every frame).
void writeFrameJson(const SpectrumFrame &frame, QByteArray &out);
// The same in a new array, for the paths that are not per frame (tests, offline tools).
QByteArray frameJson(const SpectrumFrame &frame);

// {"type":"layout","bands":N,"edges":[Hz...],"latency_ms":[...],"fps":F,"rate":R,"profile":"...",
//  "fft_size":N,"bass_fft_size":N,"scale":kScale}
QJsonObject layoutObject(const BandLayout &layout);
QByteArray layoutJson(const BandLayout &layout);

} // namespace spectray::wire
