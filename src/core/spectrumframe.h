#pragma once

#include "bandvalues.h"
#include "wirescale.h"

#include <QMetaType>

namespace spectray {

// One analysed spectrum frame. A plain value (the bands are stored in place, see BandValues), so it
// crosses from the capture thread to the GUI and the server through queued signals without any
// locking, and copying it never allocates.
struct SpectrumFrame
{
    BandValues bands;         // quantized band values, 0 .. 1.5 * scale
    int bass = 0;             // quantized, 0 .. 1.5 * scale
    int level = 0;            // quantized RMS level, 0 .. scale
    int scale = wire::kScale; // what "full scale" is on the wire
    quint64 sequence = 0;     // monotonic per engine run, starts at 0
    double streamTime = 0.0;  // seconds of audio delivered by the source up to the newest sample analysed
    qint64 wallClockMs = 0;   // ms since the Unix epoch when the frame was made; 0 for offline analysis
    // ms since the Unix epoch when the newest sample analysed will be heard (wall clock + the output
    // device's reported latency); 0 = not known (offline analysis). Each output (window, web page,
    // WLED, MQTT) adds its own user offset when it presents or sends the frame.
    qint64 playTsMs = 0;

    friend bool operator==(const SpectrumFrame &, const SpectrumFrame &) = default;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::SpectrumFrame)
