#pragma once

namespace spectray::dsp {

// Bass-energy onset detector for WLED's samplePeak (docs/wled.md, "Beat").
// A beat is reported when the bass energy jumps above kOnsetRatio times its slow running mean, the
// detector is armed, the energy is above an absolute floor and at least kMinIntervalS has passed
// since the previous beat. It re-arms once the energy falls back below kRearmRatio times the mean.
// The arm/re-arm hysteresis is what makes this an *onset* detector: a long loud note gives one beat,
// not one every 100 ms. Steady noise gives none: with the 190 ms window of the lowest channels its
// 43-216 Hz energy stayed below 2.5x its mean over 60 s of white and of bass-heavy noise, while a
// kick drum reaches 5x. Time comes from the caller (stream seconds), so the
// detector has no clock and is tested offline.
class BeatDetector final
{
public:
    static constexpr double kOnsetRatio = 3.0;
    static constexpr double kRearmRatio = 1.25;
    static constexpr double kMinIntervalS = 0.100; // at most one beat per 100 ms
    static constexpr double kMeanTimeConstantS = 1.0;
    static constexpr double kEnergyFloor = 1e-6; // bass RMS 1e-3, -60 dBFS: quieter is not a beat

    // energy: bass power (RMS squared) of this analysis step; timeS: its stream time, non-decreasing.
    bool update(double energy, double timeS);
    void reset();
    double mean() const { return m_mean; }

private:
    double m_mean = 0.0;
    double m_lastTime = -1.0;
    double m_lastBeat = -1e9;
    bool m_armed = true;
};

} // namespace spectray::dsp
