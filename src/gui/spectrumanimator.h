#pragma once

#include "core/spectrumframe.h"

#include <vector>

namespace spectray::gui {

// The look's physics, free of GL and of any clock: callers pass the time in milliseconds, so tests
// drive it with a fake clock and the result is the same at 60, 144 or 240 paints per second.
// Data frames arrive slower than the display refreshes; the target is interpolated between the last
// two frames over one data-frame interval, then smoothed with attack/release time constants.
// All vectors are sized when the band count changes and reused afterwards (no per-frame allocation).
class SpectrumAnimator final
{
public:
    struct Params
    {
        double attackMs = 25.0;
        double releaseMs = 250.0;
        double peakHoldMs = 500.0;
        double peakFallMs = 750.0; // time for a cap to fall from full scale to zero
        bool peaks = true;
    };

    void setParams(const Params &params) { m_params = params; }
    const Params &params() const { return m_params; }
    // Expected time between data frames; interpolation spans this long.
    void setFrameIntervalMs(double ms);

    // Values are normalised to 0..1 of the frame's scale (louder than full scale is clamped).
    void pushFrame(const SpectrumFrame &frame, double nowMs);
    // The same from plain values (the window's jitter buffer holds copies); `bands` null = zeros.
    void pushValues(const qint16 *bands, int count, int bass, int level, int scale, double nowMs);
    // Makes every target zero (capture stopped): the bars fall with the release time, then settle.
    void fadeOut(double nowMs);
    // Moves the displayed state to `nowMs`. Returns true when anything visible changed.
    bool advance(double nowMs);
    // True when nothing will move until the next pushFrame(): the render loop may stop.
    bool isSettled() const { return m_settled; }

    int bandCount() const { return int(m_value.size()); }
    const std::vector<float> &values() const { return m_value; }
    const std::vector<float> &peaks() const { return m_peak; }
    float level() const { return m_level; }
    float bass() const { return m_bass; }

private:
    void resize(int bands);
    float smooth(float current, float target, double dtMs) const;
    bool stepPeak(int i, double nowMs, double dtMs);

    Params m_params;
    double m_intervalMs = 1000.0 / 30.0;
    double m_frameTimeMs = 0.0; // when the newest target arrived
    double m_lastMs = -1.0;     // time of the last advance()
    bool m_settled = true;

    std::vector<float> m_from, m_to;      // interpolation endpoints per band
    std::vector<float> m_value, m_peak;   // displayed values and caps
    std::vector<double> m_peakHoldUntil;  // ms
    float m_levelFrom = 0, m_levelTo = 0, m_level = 0;
    float m_bassFrom = 0, m_bassTo = 0, m_bass = 0;
};

} // namespace spectray::gui
