#pragma once

#include "core/wirescale.h"

#include <cstdint>

namespace spectray::dsp {

// Wire values are integers x kWireScale, truncated toward zero as the seed's astype(int16) and int() do.
inline constexpr int kWireScale = wire::kScale;

// A band value (already clipped to 0..1.5): float32 product, then truncation, as numpy does it.
// Saturating: NaN reads 0 and anything beyond int16 its limit, never undefined behaviour.
inline int16_t quantizeBand(float value)
{
    const float scaled = value * static_cast<float>(kWireScale);
    if (!(scaled > -32768.0f))
        return scaled < 0.0f ? int16_t(-32768) : int16_t(0); // NaN compares false both ways
    return scaled < 32767.0f ? static_cast<int16_t>(scaled) : int16_t(32767);
}

// bass and level: Python's int(x * 1000.0) on a double, saturating like quantizeBand.
inline int quantizeScalar(double value)
{
    const double scaled = value * static_cast<double>(kWireScale);
    if (!(scaled > -2147483648.0))
        return scaled < 0.0 ? int(-2147483647 - 1) : 0;
    return scaled < 2147483647.0 ? static_cast<int>(scaled) : 2147483647;
}

} // namespace spectray::dsp
