#pragma once

#include "core/wirescale.h"

#include <cstdint>

namespace spectray::dsp {

// Wire values are integers x kWireScale, truncated toward zero as the seed's astype(int16) and int() do.
inline constexpr int kWireScale = wire::kScale;

// A band value (already clipped to 0..1.5): float32 product, then truncation, as numpy does it.
inline int16_t quantizeBand(float value)
{
    return static_cast<int16_t>(value * static_cast<float>(kWireScale));
}

// bass and level: Python's int(x * 1000.0) on a double.
inline int quantizeScalar(double value)
{
    return static_cast<int>(value * static_cast<double>(kWireScale));
}

} // namespace spectray::dsp
