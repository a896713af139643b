#include "dsp/autogain.h"

#include <cmath>

namespace spectray::dsp {

namespace {
double perFrame(double c30, int fps)
{
    // At 30 fps the seed's constants themselves, not 1 - (1 - c)^1, which differs in the last bit.
    return fps == 30 ? c30 : 1.0 - std::pow(1.0 - c30, 30.0 / fps);
}
} // namespace

AutoGain::AutoGain(int fps)
    : m_attack(perFrame(kAttack30, fps))
    , m_release(perFrame(kRelease30, fps))
{
}

} // namespace spectray::dsp
