#pragma once

#include <cfloat>
#include <cmath>

namespace spectray::dsp {

// The bound on a sample's magnitude entering the analysis: +18 dBFS, far above any real signal
// (float streams may overshoot 1.0 a little) yet small enough that no sum in the analysis can
// overflow a float.
inline constexpr float kSampleLimit = 8.0f;

// One sample as the analysis accepts it: NaN and +-Inf become 0 (a broken value carries no
// signal), finite magnitudes above kSampleLimit are clamped to it, and denormals are flushed to 0
// (they only slow the FFT down). Everything else passes unchanged, bit for bit.
inline float sanitizeSample(float x)
{
    // Selects only, no branches, so the framer's mixing loops still vectorise.
    const float a = std::fabs(x);
    const float clamped = x > kSampleLimit ? kSampleLimit : (x < -kSampleLimit ? -kSampleLimit : x);
    return a >= FLT_MIN && a <= FLT_MAX ? clamped : 0.0f; // NaN fails both comparisons
}

} // namespace spectray::dsp
