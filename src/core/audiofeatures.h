#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <array>

namespace spectray {

// The analysis that LAN devices (WLED Audio Sync, MQTT "level") consume, made by the engine next to
// each SpectrumFrame from dsp::GeqAnalysis. Fixed size, no heap: it crosses threads by value.
// Amplitudes are linear, relative to digital full scale (a full-scale sine has RMS 0.7071); the
// consumers apply their own gain, so this stays the same whatever the display's auto-gain does.
struct AudioFeatures
{
    static constexpr int kGeqChannels = 16;
    std::array<float, kGeqChannels> geq {}; // RMS inside WLED's 16 channel ranges (docs/wled.md)
    float level = 0.0f; // broadband RMS of the newest ~23 ms
    float bass = 0.0f; // RMS inside 43..216 Hz
    float peakHz = 0.0f; // strongest component, 43..11025 Hz (0 = none)
    float peakMagnitude = 0.0f; // its amplitude (a full-scale sine reads 1.0)
    bool beat = false; // a bass onset was detected in this analysis step
    quint64 beatCount = 0; // beats so far this run: a consumer at another rate misses none
    quint64 sequence = 0; // of the SpectrumFrame made from the same samples
    double streamTime = 0.0; // seconds of audio up to the newest sample analysed
    qint64 playTsMs = 0;     // the SpectrumFrame's play time (when it is heard); 0 = unknown

    friend bool operator==(const AudioFeatures &, const AudioFeatures &) = default;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::AudioFeatures)
