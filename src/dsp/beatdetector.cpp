#include "dsp/beatdetector.h"

#include <algorithm>
#include <cmath>

namespace spectray::dsp {

bool BeatDetector::update(double energy, double timeS)
{
    if (!(energy >= 0.0)) // NaN or negative: treat as silence
        energy = 0.0;
    if (m_lastTime < 0.0) {
        // First step: start the mean at this energy so a track starting loud is not one huge onset.
        m_mean = energy;
        m_lastTime = timeS;
        return false;
    }
    const double dt = std::clamp(timeS - m_lastTime, 0.0, 1.0);
    m_lastTime = timeS;

    const bool beat
        = m_armed && energy > kEnergyFloor && energy > kOnsetRatio * m_mean && timeS - m_lastBeat >= kMinIntervalS;
    if (beat) {
        m_lastBeat = timeS;
        m_armed = false;
    } else if (!m_armed && energy < kRearmRatio * m_mean) {
        m_armed = true;
    }
    // The mean follows after the decision, so an onset is compared with what came before it.
    const double alpha = 1.0 - std::exp(-dt / kMeanTimeConstantS);
    m_mean += (energy - m_mean) * alpha;
    return beat;
}

void BeatDetector::reset()
{
    *this = BeatDetector();
}

} // namespace spectray::dsp
