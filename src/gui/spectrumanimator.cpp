#include "spectrumanimator.h"

#include <algorithm>
#include <cmath>

namespace spectray::gui {

namespace {
// Below this a change is invisible (under 1/1000 of full height) and the loop may rest.
constexpr float kEpsilon = 0.0005f;

float normalised(int v, int scale)
{
    return scale > 0 ? std::clamp(float(v) / float(scale), 0.0f, 1.0f) : 0.0f;
}
} // namespace

void SpectrumAnimator::setFrameIntervalMs(double ms)
{
    m_intervalMs = std::clamp(ms, 1.0, 2000.0);
}

void SpectrumAnimator::resize(int bands)
{
    m_from.assign(size_t(bands), 0.0f);
    m_to.assign(size_t(bands), 0.0f);
    m_value.assign(size_t(bands), 0.0f);
    m_peak.assign(size_t(bands), 0.0f);
    m_peakHoldUntil.assign(size_t(bands), 0.0);
}

void SpectrumAnimator::pushFrame(const SpectrumFrame &frame, double nowMs)
{
    pushValues(frame.bands.data(), int(frame.bands.size()), frame.bass, frame.level, frame.scale, nowMs);
}

void SpectrumAnimator::pushValues(const qint16 *bands, int count, int bass, int level, int scale, double nowMs)
{
    const int n = count;
    if (n != bandCount())
        resize(n);
    if (m_lastMs < 0 || m_settled)
        m_lastMs = nowMs; // after a rest, time starts now: no jump from a stale dt
    // The new interpolation starts where the displayed target currently is, so a frame arriving
    // early or late causes no jump.
    const double t = std::clamp((nowMs - m_frameTimeMs) / m_intervalMs, 0.0, 1.0);
    for (int i = 0; i < n; ++i) {
        const size_t k = size_t(i);
        m_from[k] = m_from[k] + (m_to[k] - m_from[k]) * float(t);
        m_to[k] = bands ? normalised(bands[i], scale) : 0.0f;
    }
    m_levelFrom = m_levelFrom + (m_levelTo - m_levelFrom) * float(t);
    m_levelTo = normalised(level, scale);
    m_bassFrom = m_bassFrom + (m_bassTo - m_bassFrom) * float(t);
    m_bassTo = normalised(bass, scale);
    m_frameTimeMs = nowMs;
    m_settled = false;
}

void SpectrumAnimator::fadeOut(double nowMs)
{
    pushValues(nullptr, bandCount(), 0, 0, 1, nowMs);
    // Stopping is not a data frame: fall from where we are right away.
    std::copy(m_to.begin(), m_to.end(), m_from.begin());
    m_levelFrom = m_bassFrom = 0.0f;
}

float SpectrumAnimator::smooth(float current, float target, double dtMs) const
{
    const double tau = target > current ? m_params.attackMs : m_params.releaseMs;
    if (tau <= 0.0)
        return target;
    // Exact solution of the first-order lag over dt: identical for any split of the same interval.
    const float a = float(1.0 - std::exp(-dtMs / tau));
    const float next = current + (target - current) * a;
    return std::fabs(next - target) < kEpsilon ? target : next;
}

bool SpectrumAnimator::stepPeak(int i, double nowMs, double dtMs)
{
    const size_t k = size_t(i);
    const float v = m_value[k];
    float &peak = m_peak[k];
    if (!m_params.peaks) {
        const bool changed = peak != 0.0f;
        peak = 0.0f;
        return changed;
    }
    if (v >= peak) {
        const bool changed = v != peak;
        peak = v;
        m_peakHoldUntil[k] = nowMs + m_params.peakHoldMs;
        return changed;
    }
    // Fall only for the part of this step that lies after the hold ended: linear in real time.
    const double fallStart = std::max(nowMs - dtMs, m_peakHoldUntil[k]);
    if (nowMs <= fallStart)
        return false;
    const float fall = float((nowMs - fallStart) / std::max(1.0, m_params.peakFallMs));
    peak = std::max(v, peak - fall);
    return true;
}

bool SpectrumAnimator::advance(double nowMs)
{
    if (m_lastMs < 0)
        m_lastMs = nowMs;
    const double dt = std::max(0.0, nowMs - m_lastMs);
    m_lastMs = nowMs;
    if (m_settled)
        return false;

    const float t = float(std::clamp((nowMs - m_frameTimeMs) / m_intervalMs, 0.0, 1.0));
    bool changed = false;
    bool moving = t < 1.0f;
    for (int i = 0; i < bandCount(); ++i) {
        const size_t k = size_t(i);
        const float target = m_from[k] + (m_to[k] - m_from[k]) * t;
        const float next = smooth(m_value[k], target, dt);
        if (next != m_value[k]) {
            m_value[k] = next;
            changed = true;
        }
        moving = moving || next != m_to[k];
        if (stepPeak(i, nowMs, dt))
            changed = true;
        moving = moving || (m_params.peaks && m_peak[k] != m_value[k]);
    }
    const float level = smooth(m_level, m_levelFrom + (m_levelTo - m_levelFrom) * t, dt);
    const float bass = smooth(m_bass, m_bassFrom + (m_bassTo - m_bassFrom) * t, dt);
    changed = changed || level != m_level || bass != m_bass;
    m_level = level;
    m_bass = bass;
    moving = moving || m_level != m_levelTo || m_bass != m_bassTo;
    m_settled = !moving;
    return changed;
}

} // namespace spectray::gui
