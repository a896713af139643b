#pragma once

#include "core/audiofeatures.h"
#include "outputs/wledpacket.h"

#include <array>

namespace spectray::outputs {

// Turns the engine's AudioFeatures into the values WLED effects expect, once per packet (50 Hz).
// Two automatic gains of its own (volume, GEQ), independent of the display's, so the LEDs use their
// full range whatever the playback volume. See docs/wled.md, "Fields".
class WledMapper final
{
public:
    // Volume: envelope follower on the RMS level, instant attack, release halving in kReleaseHalfS.
    static constexpr double kVolumeTarget = 220.0; // a level at the envelope reads 220 (WLED's agcTarget1 region)
    static constexpr double kVolumeFloor = 3e-3; // -50 dBFS: quieter music is not blown up to full scale
    static constexpr double kSquelchRms = 1e-4; // -80 dBFS: below this the volume reads 0
    static constexpr double kReleaseHalfS = 5.0;
    static constexpr double kSmoothing = 0.4; // sampleSmth moves this part of the way per packet
    // GEQ: square-root scale of each channel relative to the loudest channel's envelope.
    static constexpr double kGeqTarget = 240.0;
    static constexpr double kGeqFloor = 1e-3;

    explicit WledMapper(int packetsPerSecond = 50);

    // beat: a beat was detected since the previous packet.
    WledPacketFields map(const AudioFeatures &features, bool beat);
    static WledPacketFields silence(); // all zero, FFT_MajorPeak 1 Hz (WLED's own "noise gate closed")
    void reset();

    // Octave width of channel i; the GEQ divides by its square root so pink noise (equal power per
    // octave, the spectrum music averages to) lights all 16 channels equally.
    static double channelOctaves(int channel);

private:
    double m_release;
    double m_volumeRef = kVolumeFloor;
    double m_geqRef = kGeqFloor;
    double m_smooth = 0.0;
    std::array<double, 16> m_density {};
};

} // namespace spectray::outputs
