#include "dsp/autogain.h"

#include <cmath>

namespace spectray::dsp {

double perFrameCoefficient(double c30, int fps)
{
    // At 30 fps the seed's constants themselves, not 1 - (1 - c)^1, which differs in the last bit.
    return fps == 30 ? c30 : 1.0 - std::pow(1.0 - c30, 30.0 / fps);
}

AutoGain::AutoGain(int fps)
    : m_attack(perFrameCoefficient(kAttack30, fps))
    , m_release(perFrameCoefficient(kRelease30, fps))
{
}

DbAutoGain::DbAutoGain(int fps)
    : m_attack(perFrameCoefficient(AutoGain::kAttack30, fps))
    , m_release(perFrameCoefficient(AutoGain::kRelease30, fps))
{
}

} // namespace spectray::dsp
